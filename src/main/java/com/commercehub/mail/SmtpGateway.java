package com.commercehub.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * The SMTP server, as the environment configures it. Deliberately not Boot's mail auto-configuration: blank
 * {@code SMTP_*} variables would still make it build a sender (for host "", with an empty login), and this
 * sender is no bean, so no health check probes a server that does not exist.
 */
@Component
class SmtpGateway {

    private static final Logger log = LoggerFactory.getLogger(SmtpGateway.class);

    private final EmailProperties.Smtp smtp;
    private final SmtpStatus status;
    private final InternetAddress from;
    private final JavaMailSenderImpl sender;

    SmtpGateway(EmailProperties properties) {
        this.smtp = properties.smtp();
        InternetAddress sender = null;
        SmtpStatus.Problem problem = null;
        if (smtp.hasHost()) {
            if (smtp.from() == null || smtp.from().isBlank()) {
                problem = SmtpStatus.Problem.FROM_MISSING;
            } else {
                try {
                    sender = new InternetAddress(smtp.from().strip(), true);
                    sender.validate();
                } catch (AddressException e) {
                    problem = SmtpStatus.Problem.FROM_INVALID;
                    sender = null;
                }
            }
        }
        this.from = sender;
        boolean configured = smtp.hasHost() && problem == null;
        this.status = new SmtpStatus(configured, smtp.hasHost() ? smtp.host().strip() : null, smtp.port(),
                smtp.ssl() ? "SSL" : smtp.starttls() ? "STARTTLS" : "NONE",
                smtp.hasLogin() ? smtp.user().strip() : null, sender == null ? null : sender.toUnicodeString(), problem);
        this.sender = configured ? mailSender(smtp) : null;
        if (problem != null) {
            log.warn("SMTP_HOST is set but SMTP_FROM is {}: e-mails wait in the outbox until it is fixed",
                    problem == SmtpStatus.Problem.FROM_MISSING ? "missing" : "not an address");
        } else if (configured) {
            log.info("E-mail goes out through {}:{} ({})", status.host(), status.port(), status.security());
        } else {
            log.info("No SMTP_HOST: e-mails wait in the outbox until an SMTP server is configured");
        }
    }

    private static JavaMailSenderImpl mailSender(EmailProperties.Smtp smtp) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        mail.setProtocol(protocol);
        mail.setHost(smtp.host().strip());
        mail.setPort(smtp.port());
        mail.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties props = new Properties();
        String prefix = "mail." + protocol + ".";
        if (smtp.hasLogin()) {
            mail.setUsername(smtp.user().strip());
            mail.setPassword(smtp.password() == null ? "" : smtp.password());
            props.put(prefix + "auth", "true");
        }
        if (!smtp.ssl() && smtp.starttls()) {
            props.put(prefix + "starttls.enable", "true");
            // Without this a server that does not offer STARTTLS would get the login and the mail in clear text.
            props.put(prefix + "starttls.required", "true");
        }
        if (smtp.ssl() || smtp.starttls()) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        props.put(prefix + "connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
        props.put(prefix + "timeout", String.valueOf(smtp.timeout().toMillis()));
        props.put(prefix + "writetimeout", String.valueOf(smtp.timeout().toMillis()));
        mail.setJavaMailProperties(props);
        return mail;
    }

    SmtpStatus status() {
        return status;
    }

    boolean configured() {
        return sender != null;
    }

    /**
     * Hands one message to the SMTP server. The Message-ID is derived from the outbox row, so if a crash ever
     * made a message go out twice, mail clients see the same message twice and may fold them together.
     */
    void send(OutboxStore.Claimed message, Instant now) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.text(), message.html());
        helper.setSentDate(Date.from(now));
        for (EmailAttachment attachment : message.attachments()) {
            helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        mime.setHeader("Message-ID", "<outbox." + message.id() + "." + message.createdAt().toEpochMilli() + "@"
                + from.getAddress().substring(from.getAddress().indexOf('@') + 1) + ">");
        mime.setHeader("Auto-Submitted", "auto-generated");
        sender.send(mime);
    }

    /** Text of an error as stored and shown: the chain of causes, with the password (should it appear) masked. */
    String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        appendChain(text, error);
        // Spring reports a refused message without a cause, keeping the server's answer per message instead.
        if (error instanceof MailSendException send && send.getCause() == null) {
            for (Exception refused : send.getMessageExceptions()) {
                appendChain(text, refused);
            }
        }
        String described = text.toString();
        if (smtp.password() != null && smtp.password().length() >= 4) {
            described = described.replace(smtp.password(), "••••");
        }
        return described.length() > 4000 ? described.substring(0, 4000) : described;
    }

    private static void appendChain(StringBuilder text, Throwable error) {
        for (Throwable cause = error; cause != null && text.length() < 4000; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage().strip());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
    }

    /**
     * Failures that another attempt cannot cure: our own message could not be built, or the server refused
     * the recipient for good (5xx to RCPT TO; a 4xx "try later" is not one of these).
     */
    static boolean permanent(Throwable error) {
        if (error instanceof MailPreparationException || error instanceof MailParseException) {
            return true;
        }
        if (error instanceof MailSendException send) {
            for (Exception refused : send.getMessageExceptions()) {
                if (refused instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                        && failed.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
