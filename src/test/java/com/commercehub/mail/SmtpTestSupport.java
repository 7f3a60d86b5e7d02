package com.commercehub.mail;

import com.commercehub.testsupport.MutableClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * The outbox against a real SMTP server (GreenMail, in process) on the embedded MariaDB. Scheduling is slowed to
 * an hour so that each test runs the sender itself, on a clock it moves by hand. Subclasses share one context.
 */
@SpringBootTest(properties = {"hub.mail.poll-interval=PT1H", "hub.mail.initial-delay=PT1H"})
@ActiveProfiles("test")
@Import(SmtpTestSupport.TestClock.class)
abstract class SmtpTestSupport {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final String SMTP_USER = "hub-mailer";
    static final String SMTP_PASSWORD = "s3cret-smtp-password";
    static final byte[] PDF = "%PDF-1.7 quote Q-1001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static final ServerSetup SMTP_SETUP = ServerSetupTest.SMTP.dynamicPort();
    static GreenMail smtp = startSmtp(SMTP_SETUP);
    // A restarted server must come back on the port the app was configured with.
    static final int PORT = smtp.getSmtp().getPort();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("hub.mail.smtp.host", () -> "127.0.0.1");
        registry.add("hub.mail.smtp.port", () -> PORT);
        registry.add("hub.mail.smtp.user", () -> SMTP_USER);
        registry.add("hub.mail.smtp.password", () -> SMTP_PASSWORD);
        registry.add("hub.mail.smtp.from", () -> "Commerce Hub <hub@shop.example>");
        registry.add("hub.mail.smtp.starttls", () -> "false");
    }

    @Autowired
    EmailOutbox outbox;
    @Autowired
    EmailSender sender;
    @Autowired
    EmailMessages messages;
    @Autowired
    EmailTemplates templates;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    static GreenMail startSmtp(ServerSetup setup) {
        GreenMail server = new GreenMail(setup);
        server.start();
        server.setUser("hub@shop.example", SMTP_USER, SMTP_PASSWORD);
        return server;
    }

    static void smtpComesBack() {
        smtp = startSmtp(SMTP_SETUP.createCopy(PORT, SMTP_SETUP.getBindAddress(), SMTP_SETUP.getProtocol()));
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        if (!smtp.isRunning()) {
            smtpComesBack();
        }
        smtp.purgeEmailFromAllMailboxes();
        jdbc.sql("DELETE FROM email_outbox").update();
        clock.set(START);
    }

    OutgoingEmail email(String to, String subject) {
        RenderedEmail content = templates.simple(Locale.GERMAN, SimpleEmail.of(subject, "Hallo Ada",
                "Ihr Angebot Q-1001 wurde unterschrieben.", "Größe & Preis: 1.234,50 €"));
        return OutgoingEmail.to(to, Locale.GERMAN, content, "quote.signed");
    }

    long enqueueCommitted(OutgoingEmail email) {
        return new TransactionTemplate(transactions).execute(status -> outbox.enqueue(email));
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM email_outbox WHERE id = :id").param("id", id).query(String.class).single();
    }

    Instant nextAttempt(long id) {
        return jdbc.sql("SELECT next_attempt_at FROM email_outbox WHERE id = :id").param("id", id)
                .query((rs, n) -> OutboxStore.instant(rs.getObject(1, java.time.LocalDateTime.class))).single();
    }

    List<Map<String, Object>> attempts(long id) {
        return jdbc.sql("SELECT attempted_at, outcome, error FROM email_attempt WHERE email_id = :id ORDER BY id")
                .param("id", id).query((rs, n) -> {
                    Map<String, Object> row = new java.util.HashMap<>();
                    row.put("attempted_at", OutboxStore.instant(rs.getObject("attempted_at", java.time.LocalDateTime.class)));
                    row.put("outcome", rs.getString("outcome"));
                    row.put("error", rs.getString("error"));
                    return row;
                }).list();
    }

    long rows(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

}
