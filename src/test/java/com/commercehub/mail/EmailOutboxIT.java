package com.commercehub.mail;

import com.commercehub.Application;
import com.commercehub.testsupport.AsAdmin;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored in the business transaction, delivered once: content, attachments, dedupe, concurrency, restarts. */
class EmailOutboxIT extends SmtpTestSupport {

    @Test
    void a_committed_message_is_delivered_once_with_its_subject_bodies_and_attachment() throws Exception {
        long id = enqueueCommitted(email("ada@buyer.example", "Ihr unterschriebenes Angebot Q-1001")
                .withAttachment(EmailAttachment.pdf("Angebot Q-1001.pdf", PDF)));
        assertThat(status(id)).isEqualTo("PENDING");

        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(sender.runOnce()).isZero();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Ihr unterschriebenes Angebot Q-1001");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Commerce Hub <hub@shop.example>");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@buyer.example");
        assertThat(mail.getHeader("Message-ID")[0]).startsWith("<outbox." + id + ".").endsWith("@shop.example>");
        List<Part> parts = new ArrayList<>();
        collect(mail, parts);
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isMimeType("text/plain")).isTrue();
            assertThat((String) p.getContent()).contains("Ihr Angebot Q-1001 wurde unterschrieben.",
                    "Größe & Preis: 1.234,50 €");
        });
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.isMimeType("text/html")).isTrue();
            assertThat((String) p.getContent()).contains("Größe &amp; Preis: 1.234,50 €");
        });
        assertThat(parts).anySatisfy(p -> {
            assertThat(p.getFileName()).isEqualTo("Angebot Q-1001.pdf");
            assertThat(p.isMimeType("application/pdf")).isTrue();
            assertThat(bytes(p.getInputStream())).isEqualTo(PDF);
        });

        assertThat(status(id)).isEqualTo("SENT");
        assertThat(attempts(id)).singleElement().satisfies(a -> {
            assertThat(a.get("outcome")).isEqualTo("SENT");
            assertThat(a.get("error")).isNull();
        });
        EmailDetails details = AsAdmin.call(() -> messages.details(id)).orElseThrow();
        assertThat(details.sentAt()).isEqualTo(START);
        assertThat(details.attachments()).extracting(EmailDetails.Attachment::fileName)
                .containsExactly("Angebot Q-1001.pdf");
    }

    @Test
    void a_rolled_back_transaction_leaves_no_message_and_no_attachment() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            outbox.enqueue(email("ada@buyer.example", "Never sent").withAttachment(EmailAttachment.pdf("a.pdf", PDF)));
            throw new IllegalStateException("the business change failed");
        })).hasMessage("the business change failed");

        assertThat(rows("email_outbox")).isZero();
        assertThat(rows("email_attachment")).isZero();
        assertThat(sender.runOnce()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void enqueuing_outside_a_transaction_is_refused() {
        assertThatThrownBy(() -> outbox.enqueue(email("ada@buyer.example", "No transaction")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(rows("email_outbox")).isZero();
    }

    @Test
    void the_same_dedupe_key_stores_and_sends_one_message_and_the_callers_transaction_carries_on() {
        OutgoingEmail viewed = email("owner@shop.example", "Ihr Angebot Q-1001 wurde angesehen")
                .withDedupeKey("quote.viewed:1001:v1");
        long first = enqueueCommitted(viewed);
        long again = enqueueCommitted(viewed);
        long[] inOneTransaction = new TransactionTemplate(transactions).execute(status -> new long[]{
                outbox.enqueue(viewed), outbox.enqueue(email("other@shop.example", "Something else"))});

        assertThat(again).isEqualTo(first);
        assertThat(inOneTransaction[0]).isEqualTo(first);
        // The refused duplicate did not spoil the transaction: the other message committed with it.
        assertThat(status(inOneTransaction[1])).isEqualTo("PENDING");
        assertThat(rows("email_outbox")).isEqualTo(2);

        sender.runOnce();
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Ihr Angebot Q-1001 wurde angesehen", "Something else");
    }

    @Test
    void two_senders_running_at_once_deliver_every_message_exactly_once() throws Exception {
        int count = 40;
        List<Long> ids = new TransactionTemplate(transactions).execute(status -> IntStream.range(0, count)
                .mapToObj(i -> outbox.enqueue(email("buyer" + i + "@buyer.example", "Message " + i))).toList());

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> runs = IntStream.range(0, 2).mapToObj(n -> CompletableFuture.supplyAsync(() -> {
                await(start);
                int made = 0;
                for (int round = 0; round < 10; round++) {
                    made += sender.runOnce();
                }
                return made;
            }, nodes)).toList();
            start.countDown();
            int total = runs.stream().mapToInt(CompletableFuture::join).sum();
            // Which sender takes how many depends on scheduling (on a loaded machine one may take all): what must
            // hold is that together they sent each message once.
            assertThat(total).isEqualTo(count);
        } finally {
            nodes.shutdownNow();
        }

        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).hasSize(count)
                .doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
        assertThat(rows("email_attempt")).isEqualTo(count);
    }

    @Test
    void a_message_enqueued_without_smtp_waits_and_is_sent_when_the_app_starts_with_smtp() {
        long id;
        try (ConfigurableApplicationContext withoutSmtp = new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .properties("server.port=0", "hub.mail.smtp.host=", "hub.mail.poll-interval=PT0.2S",
                        "hub.mail.initial-delay=PT0S")
                .run()) {
            EmailOutbox otherOutbox = withoutSmtp.getBean(EmailOutbox.class);
            id = new TransactionTemplate(withoutSmtp.getBean(PlatformTransactionManager.class))
                    .execute(status -> otherOutbox.enqueue(email("ada@buyer.example", "Waited for SMTP")));
            assertThat(status(id)).isEqualTo("WAITING");
            assertThat(withoutSmtp.getBean(EmailSender.class).runOnce()).isZero();
            assertThat(withoutSmtp.getBean(SmtpGateway.class).status().configured()).isFalse();
        }
        assertThat(status(id)).as("nothing was lost when that app stopped").isEqualTo("WAITING");
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // This context is the app started again, now with SMTP configured (and on its own clock).
        clock.set(nextAttempt(id));
        assertThat(sender.runOnce()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SENT");
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("Waited for SMTP");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Part part, List<Part> leaves) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), leaves);
            }
        } else {
            leaves.add(part);
        }
    }

    private static byte[] bytes(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
