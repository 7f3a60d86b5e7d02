package com.commercehub.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole application over HTTP with its outbox sending to a real SMTP server (GreenMail, in process), polled
 * every second, for tests that follow an e-mail's link. One server for the JVM, never stopped by a class: the
 * subclasses share one Spring context whose mail properties point at its port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.mail.poll-interval=PT1S", "hub.mail.initial-delay=PT1S"})
@ActiveProfiles("test")
public abstract class GreenMailSupport {

    protected static final GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("hub.mail.smtp.host", () -> "127.0.0.1");
        registry.add("hub.mail.smtp.port", () -> smtp.getSmtp().getPort());
        registry.add("hub.mail.smtp.from", () -> "Commerce Hub <hub@shop.example>");
        registry.add("hub.mail.smtp.starttls", () -> "false");
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    /** The messages GreenMail received for {@code recipient}, waiting up to 30 s for {@code count} of them. */
    protected static List<MimeMessage> mailsTo(String recipient, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            List<MimeMessage> found = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toList();
            if (found.size() >= count || System.currentTimeMillis() > deadline) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    /** Every text part of a message (plain and HTML), joined. */
    protected static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    /** The file names of a message's attachments. */
    protected static List<String> attachments(Part part) throws Exception {
        List<String> names = new ArrayList<>();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName() != null) {
            names.add(part.getFileName());
        } else if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                names.addAll(attachments(multipart.getBodyPart(i)));
            }
        }
        return names;
    }
}
