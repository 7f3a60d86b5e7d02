package com.commercehub.mail.ui;

import com.commercehub.base.security.Role;
import com.commercehub.mail.EmailAttachment;
import com.commercehub.mail.EmailListEntry;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailStatus;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.ListItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings → Email with no SMTP configured (the test default): messages wait and are listed. */
class EmailSettingsViewTest extends KaribuTest {

    private static final String XSS = "<script>alert(1)</script>";

    @Autowired
    EmailOutbox outbox;
    @Autowired
    EmailTemplates templates;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("DELETE FROM email_outbox").update();
    }

    private long enqueue(String to, String subject, String buyerText, EmailAttachment attachment) {
        OutgoingEmail email = OutgoingEmail.to(to, Locale.ENGLISH,
                templates.simple(Locale.ENGLISH, SimpleEmail.of(subject, "Quote signed", buyerText)), "quote.signed");
        OutgoingEmail withFile = attachment == null ? email : email.withAttachment(attachment);
        return new TransactionTemplate(transactions).execute(status -> outbox.enqueue(withFile));
    }

    private EmailSettingsView open() {
        login("ada@example.com", Role.ADMIN);
        navigate("settings/email");
        return _get(EmailSettingsView.class);
    }

    @Test
    void an_admin_sees_that_smtp_is_missing_and_the_waiting_messages() {
        enqueue("first@buyer.example", "First", "Hello", null);
        enqueue("second@buyer.example", "Second", "Hello", null);
        EmailSettingsView view = open();

        assertThat(view.smtpBadge.getText()).isEqualTo("No SMTP server configured");
        assertThat(view.smtpDetail.getText()).contains("nothing is lost", "SMTP_HOST");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        EmailListEntry newest = GridKt._get(view.grid, 0);
        assertThat(newest.recipient()).isEqualTo("second@buyer.example");
        assertThat(newest.status()).isEqualTo(EmailStatus.WAITING);
        assertThat(newest.kind()).isEqualTo("quote.signed");
        assertThat(GridKt._getFormattedRow(view.grid, 0)).contains("second@buyer.example", "Second", "Waiting for SMTP");

        view.status.setValue(EmailStatus.FAILED);
        assertThat(GridKt._size(view.grid)).isZero();
        assertThat(view.grid.getEmptyStateText()).startsWith("No e-mails yet");
    }

    @Test
    void a_message_opens_with_its_html_in_a_sandboxed_frame_its_attachments_and_no_retry_while_waiting() {
        enqueue("ada@buyer.example", "Your signed quote", "Signed by " + XSS,
                EmailAttachment.pdf("Quote Q-1001.pdf", new byte[2048]));
        EmailSettingsView view = open();
        GridKt._clickItem(view.grid, 0);

        EmailDetailsDialog dialog = _get(EmailDetailsDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("E-mail to ada@buyer.example");
        IFrame preview = dialog.preview;
        assertThat(preview.getElement().getAttribute("sandbox")).isEmpty();
        assertThat(preview.getSrcdoc()).hasValueSatisfying(html -> assertThat(html)
                .contains("Signed by &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(XSS));
        assertThat(_find(dialog.attachments, ListItem.class)).extracting(ListItem::getText)
                .containsExactly("Quote Q-1001.pdf (application/pdf, size 2 KB)");
        assertThat(dialog.status.getText()).isEqualTo("Waiting for SMTP");
        assertThat(GridKt._size(dialog.attempts)).isZero();
        assertThat(dialog.retry.isVisible()).isFalse();
    }

    @Test
    void retry_now_starts_a_failed_message_afresh() {
        long id = enqueue("ada@buyer.example", "Failed once", "Hello", null);
        jdbc.sql("""
                        UPDATE email_outbox SET status = 'FAILED', attempts = 31, last_error = 'Connection refused',
                               first_attempt_at = created_at, last_attempt_at = created_at WHERE id = :id""")
                .param("id", id).update();
        jdbc.sql("""
                        INSERT INTO email_attempt (email_id, attempted_at, outcome, error, duration_ms)
                        SELECT id, created_at, 'ERROR', 'Connection refused', 3 FROM email_outbox WHERE id = :id""")
                .param("id", id).update();
        EmailSettingsView view = open();
        GridKt._clickItem(view.grid, 0);
        EmailDetailsDialog dialog = _get(EmailDetailsDialog.class);
        assertThat(dialog.status.getText()).isEqualTo("Failed");
        assertThat(dialog.lastError.getText()).isEqualTo("Connection refused");
        assertThat(GridKt._getFormattedRow(dialog.attempts, 0)).contains("Error", "Connection refused", "3 ms");

        ButtonKt._click(dialog.retry);

        // No SMTP here, so it waits again; with SMTP it would be PENDING, due at once.
        assertThat(dialog.status.getText()).isEqualTo("Waiting for SMTP");
        assertThat(dialog.retry.isVisible()).isFalse();
        assertThat(jdbc.sql("SELECT status, attempts, first_attempt_at FROM email_outbox WHERE id = :id")
                .param("id", id).query().singleRow())
                .containsEntry("status", "WAITING").containsEntry("attempts", 0).containsEntry("first_attempt_at", null);
        assertThat(GridKt._get(view.grid, 0).status()).isEqualTo(EmailStatus.WAITING);
    }

    @Test
    void finance_and_sales_do_not_get_the_page() {
        for (Role role : new Role[]{Role.FINANCE, Role.SALES}) {
            login("someone@example.com", role);
            assertThatThrownBy(() -> navigate("settings/email")).as(role.name()).hasMessageContaining("Access is denied");
            logout();
        }
    }
}
