package com.commercehub.automation;

import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceDueWork;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.ManualPayment;
import com.commercehub.invoice.ManualPaymentMethod;
import com.commercehub.invoice.PaymentTerms;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.commercehub.automation.QuoteWorkflowIT.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice triggers: sending enrols "invoice sent" (timed against the due date), paying unenrols it, and the
 * due-date job's move to overdue enrols "invoice overdue".
 */
class InvoiceWorkflowIT extends AutomationTestSupport {

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceDueWork dueWork;
    @Autowired
    Notifications notifications;

    @Test
    void a_sent_invoice_is_reminded_before_its_due_date_unless_paid_and_an_overdue_one_notifies_the_owner() {
        WorkflowDetails reminder = activeWorkflow(new WorkflowDraft("Due soon", Trigger.INVOICE_SENT,
                Conditions.NONE, new Delay(Delay.Kind.BEFORE_DATE, 3, Delay.Unit.DAYS),
                List.of(WorkflowAction.notifyOwner("{{record}} is due soon"))));
        WorkflowDetails overdue = activeWorkflow(new WorkflowDraft("Overdue", Trigger.INVOICE_OVERDUE,
                Conditions.NONE, Delay.NONE, List.of(WorkflowAction.notifyOwner("{{record}} is overdue"))));

        InvoiceDetails unpaid = sent();
        InvoiceDetails paid = sent();
        Instant remindAt = unpaid.dueDate().minusDays(3).atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant();
        assertThat(dueTimes(reminder.id(), unpaid.id())).containsExactly(remindAt);
        assertThat(statuses(reminder.id(), paid.id())).containsExactly("PENDING");
        assertThat(statuses(overdue.id(), unpaid.id())).isEmpty();

        as(owner, () -> invoices.recordManualPayment(paid.id(), paid.version(), new ManualPayment(
                ManualPaymentMethod.BANK_TRANSFER, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                new BigDecimal("250.00"), "SEPA 42")));
        assertThat(statuses(reminder.id(), paid.id())).containsExactly("UNENROLLED");

        clock.set(clock.instant().plus(Duration.ofDays(16)));
        dueWork.run();
        assertThat(statuses(overdue.id(), unpaid.id())).containsExactly("PENDING");
        assertThat(statuses(overdue.id(), paid.id())).isEmpty();
        scheduler.runOnce();
        assertThat(statuses(reminder.id(), unpaid.id())).containsExactly("DONE");
        assertThat(statuses(overdue.id(), unpaid.id())).containsExactly("DONE");
        as(owner, () -> {
            assertThat(notifications.latest(5)).extracting(Notifications.Notification::title)
                    .anySatisfy(title -> assertThat(title).contains(unpaid.number(), "overdue"))
                    .anySatisfy(title -> assertThat(title).contains(unpaid.number(), "due soon"))
                    .noneSatisfy(title -> assertThat(title).contains(paid.number()));
            return null;
        });
    }

    private InvoiceDetails sent() {
        String email = "invoice-buyer-" + UUID.randomUUID() + "@buyer.example";
        return as(owner, () -> {
            InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, null, null, "Buyer " + email, email,
                    Locale.ENGLISH, Currency.getInstance("EUR"), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                    PaymentTerms.NET_15, null, null, null, false, null, null),
                    List.of(new LineItemDraft(null, "Audit", null, BigDecimal.ONE, new BigDecimal("250.00"), null, null,
                            null, false, null, null)));
            return invoices.send(draft.id(), draft.version());
        });
    }

    private List<Instant> dueTimes(long workflow, long invoice) {
        return jdbc.sql("SELECT due_at FROM automation_step WHERE workflow = :w AND record_id = :i")
                .param("w", workflow).param("i", invoice).query(Timestamp.class).list().stream()
                .map(Timestamp::toInstant).toList();
    }

    private List<String> statuses(long workflow, long invoice) {
        return jdbc.sql("SELECT status FROM automation_step WHERE workflow = :w AND record_id = :i")
                .param("w", workflow).param("i", invoice).query(String.class).list();
    }
}
