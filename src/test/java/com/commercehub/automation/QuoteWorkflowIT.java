package com.commercehub.automation;

import com.commercehub.base.security.Role;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.quote.BuyerSignatureInput;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** "Remind the owner 3 days before a quote expires": timed against the expiry date, unenrolled by a signature. */
class QuoteWorkflowIT extends AutomationTestSupport {

    @Autowired
    QuoteService quotes;
    @Autowired
    QuoteLifecycle lifecycle;
    @Autowired
    Notifications notifications;

    @Test
    void the_owner_is_reminded_3_days_before_expiry_unless_the_buyer_signed_first() {
        WorkflowDetails reminder = fromTemplate(WorkflowTemplate.REMIND_OWNER_BEFORE_EXPIRY);
        ContactSummary signer = buyer("Signe", Locale.of("da"));
        ContactSummary waiter = buyer("Walter", Locale.GERMAN);
        QuoteService.Published signed = publish(deal(signer), true);
        QuoteService.Published waiting = publish(deal(waiter), false);

        LocalDate expiry = waiting.quote().expiresOn();
        Instant due = expiry.minusDays(3).atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(dueTimes(reminder.id(), waiting.quote().id())).containsOnly(due);
        assertThat(stepStatuses(reminder.id())).hasSize(4).containsOnly("PENDING");

        lifecycle.signByBuyer(token(signed), new BuyerSignatureInput("Signe Tester", signer.email(), true, null, true,
                "127.0.0.1", "JUnit"));
        assertThat(statusesOf(reminder.id(), signed.quote().id())).containsOnly("UNENROLLED");

        clock.set(due.minusSeconds(60));
        scheduler.runOnce();
        assertThat(outboxCount(owner)).isZero();
        clock.set(due.plusSeconds(30));
        scheduler.runOnce();
        assertThat(statusesOf(reminder.id(), waiting.quote().id())).containsOnly("DONE");
        assertThat(outboxCount(owner)).isEqualTo(1);
        String subject = jdbc.sql("SELECT subject FROM email_outbox WHERE recipient = :r AND kind = 'automation.workflow'")
                .param("r", owner)
                .query(String.class).single();
        assertThat(subject).isEqualTo("Quote " + waiting.quote().number() + " expires on "
                + com.commercehub.base.i18n.Formats.date(expiry, Locale.ENGLISH));
        as(owner, () -> {
            assertThat(notifications.unreadCount()).isEqualTo(1);
            assertThat(notifications.latest(5)).singleElement().satisfies(n ->
                    assertThat(n.title()).contains(waiting.quote().number(), "Walter Tester"));
            notifications.markAllRead();
            assertThat(notifications.unreadCount()).isZero();
            return null;
        });
    }

    @Test
    void the_dry_run_lists_open_quotes_with_their_reminder_times_and_activation_enrols_them() {
        ContactSummary b = buyer("Dora", Locale.ENGLISH);
        QuoteService.Published open = publish(deal(b), false);
        WorkflowDraft draft = new WorkflowDraft("Expiry reminder", Trigger.QUOTE_EXPIRING,
                new Conditions(null, null, null, null, owner, null), new Delay(Delay.Kind.BEFORE_DATE, 2, Delay.Unit.DAYS),
                List.of(WorkflowAction.notifyOwner("{{record}} expires {{date}}")));
        List<DryRunEntry> entries = as("admin@shop.example", () -> workflows.dryRun(draft));
        Instant due = open.quote().expiresOn().minusDays(2).atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.recordId()).isEqualTo(open.quote().id());
            assertThat(e.reference()).isEqualTo(open.quote().number());
            assertThat(e.customer()).isEqualTo("Dora Tester");
            assertThat(e.dueAt()).isEqualTo(due);
            assertThat(e.atOnce()).isFalse();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM automation_step s JOIN workflow w ON w.id = s.workflow WHERE w.owner = :o")
                .param("o", owner).query(Integer.class).single()).isZero();

        WorkflowDetails created = activeWorkflowEnrollingExisting(draft);
        assertThat(dueTimes(created.id(), open.quote().id())).containsExactly(due);
    }

    private WorkflowDetails activeWorkflowEnrollingExisting(WorkflowDraft draft) {
        return as("admin@shop.example", () -> {
            WorkflowDetails created = workflows.create(draft);
            remember(created.id());
            return workflows.setActive(created.id(), created.version(), true, true);
        });
    }

    private QuoteService.Published publish(DealDetails deal, boolean signature) {
        return as(owner, () -> {
            QuoteDetails draft = quotes.createFromDeal(deal.id());
            if (signature) {
                draft = quotes.setSignature(draft.id(), draft.version(), true, owner);
            }
            return quotes.publish(draft.id(), draft.version());
        });
    }

    private List<Instant> dueTimes(long workflow, long quote) {
        return jdbc.sql("SELECT due_at FROM automation_step WHERE workflow = :w AND record_id = :q")
                .param("w", workflow).param("q", quote).query(Timestamp.class).list().stream()
                .map(Timestamp::toInstant).toList();
    }

    private List<String> statusesOf(long workflow, long quote) {
        return jdbc.sql("SELECT status FROM automation_step WHERE workflow = :w AND record_id = :q")
                .param("w", workflow).param("q", quote).query(String.class).list();
    }

    private static String token(QuoteService.Published published) {
        return published.linkPath().substring("/quote/".length());
    }

    static <T> T as(String user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user,
                null, List.of(new SimpleGrantedAuthority(Role.Authority.SALES),
                        new SimpleGrantedAuthority(Role.Authority.ADMIN))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
