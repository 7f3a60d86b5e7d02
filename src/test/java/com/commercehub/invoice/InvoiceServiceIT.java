package com.commercehub.invoice;

import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Invoices on the embedded MariaDB with the sandbox's clock as the business calendar. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvoiceServiceIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    InvoiceService invoices;
    @Autowired
    InvoiceDueWork dueWork;
    @Autowired
    SandboxClockService sandboxClock;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(sandboxClock::reset);
    }

    static InvoiceHeader header(String email, PaymentTerms terms, LocalDate issued, boolean partial) {
        return new InvoiceHeader(null, null, null, "Buyer " + email, email, Locale.GERMAN, EUR, issued, terms, null,
                null, null, partial, "Thanks", "Bank: DE00 0000");
    }

    static List<LineItemDraft> lines(String price) {
        return List.of(new LineItemDraft(null, "Consulting", null, BigDecimal.ONE, new BigDecimal(price), null, null,
                null, false, null, null));
    }

    private InvoiceDetails sentInvoice(PaymentTerms terms, String price, boolean partial) {
        String email = "buyer-" + UUID.randomUUID() + "@example.com";
        return AsAdmin.call(() -> {
            InvoiceDetails draft = invoices.createDraft(header(email, terms, calendar.today(), partial), lines(price));
            return invoices.send(draft.id(), draft.version());
        });
    }

    @Test
    void concurrent_sends_take_consecutive_numbers_without_gaps_or_duplicates_and_drafts_take_none() throws Exception {
        List<InvoiceDetails> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = "concurrent-" + UUID.randomUUID() + "@example.com";
            drafts.add(AsAdmin.call(() -> invoices.createDraft(header(email, PaymentTerms.NET_30, calendar.today(), false),
                    lines("10.00"))));
        }
        assertThat(drafts).allSatisfy(draft -> assertThat(draft.number()).isNull());
        List<Callable<InvoiceDetails>> sends = drafts.stream()
                .<Callable<InvoiceDetails>>map(d -> () -> AsAdmin.call(() -> invoices.send(d.id(), d.version()))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> numbers = new ArrayList<>();
        try {
            for (Future<InvoiceDetails> sent : pool.invokeAll(sends)) {
                numbers.add(sent.get().number());
            }
        } finally {
            pool.shutdown();
        }
        List<Long> sequence = numbers.stream().map(n -> Long.parseLong(n.replace("INV-", ""))).sorted().toList();
        assertThat(sequence).doesNotHaveDuplicates();
        assertThat(sequence.getLast() - sequence.getFirst()).isEqualTo(7);
        // The same numbers stored, each on one invoice; the buyer was e-mailed each link.
        for (InvoiceDetails draft : drafts) {
            InvoiceDetails stored = AsAdmin.call(() -> invoices.get(draft.id()));
            assertThat(stored.status()).isEqualTo(InvoiceStatus.OPEN);
            assertThat(numbers).contains(stored.number());
            assertThat(jdbc.sql("SELECT text_body FROM email_outbox WHERE recipient = :to AND kind = 'invoice.sent'")
                    .param("to", stored.header().buyerEmail()).query(String.class).single())
                    .contains("/invoice/");
        }
    }

    @Test
    void an_unpaid_invoice_becomes_overdue_when_the_business_calendar_passes_its_due_date_and_the_buyer_is_reminded() {
        InvoiceDetails invoice = sentInvoice(PaymentTerms.NET_15, "200.00", false);
        assertThat(invoice.dueDate()).isEqualTo(calendar.today().plusDays(15));
        dueWork.run();
        assertThat(AsAdmin.call(() -> invoices.get(invoice.id())).status()).isEqualTo(InvoiceStatus.OPEN);

        AsAdmin.call(() -> sandboxClock.advance(Duration.ofDays(15)));
        InvoiceDetails dueToday = AsAdmin.call(() -> invoices.get(invoice.id()));
        assertThat(dueToday.status()).isEqualTo(InvoiceStatus.OPEN);
        assertThat(kinds(invoice)).containsExactlyInAnyOrder("invoice.sent", "invoice.due");

        AsAdmin.call(() -> sandboxClock.advance(Duration.ofDays(1)));
        assertThat(AsAdmin.call(() -> invoices.get(invoice.id())).status()).isEqualTo(InvoiceStatus.OVERDUE);
        AsAdmin.call(() -> sandboxClock.advance(Duration.ofDays(7)));
        assertThat(kinds(invoice)).containsExactlyInAnyOrder("invoice.sent", "invoice.due", "invoice.overdue");
        dueWork.run();
        assertThat(kinds(invoice)).hasSize(3);
    }

    private List<String> kinds(InvoiceDetails invoice) {
        return jdbc.sql("SELECT kind FROM email_outbox WHERE recipient = :to").param("to", invoice.header().buyerEmail())
                .query(String.class).list();
    }

    @Test
    void partial_manual_payments_add_up_to_paid_and_never_exceed_the_amount_due() {
        InvoiceDetails invoice = sentInvoice(PaymentTerms.NET_30, "100.00", true);
        InvoiceDetails partly = AsAdmin.call(() -> invoices.recordManualPayment(invoice.id(), invoice.version(),
                new ManualPayment(ManualPaymentMethod.BANK_TRANSFER, calendar.today(), new BigDecimal("40.00"), "SEPA 1")));
        assertThat(partly.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(partly.amountDue().amount()).isEqualByComparingTo("60.00");
        assertThat(partly.payments()).singleElement().satisfies(p -> assertThat(p.reference()).isEqualTo("SEPA 1"));

        assertThatThrownBy(() -> AsAdmin.call(() -> invoices.recordManualPayment(invoice.id(), partly.version(),
                new ManualPayment(ManualPaymentMethod.CASH, calendar.today(), new BigDecimal("70.00"), null))))
                .isInstanceOfSatisfying(CrmValidationException.class, e ->
                        assertThat(e.problems()).containsEntry("amount", "invoice.payment.more-than-due"));

        InvoiceDetails paid = AsAdmin.call(() -> invoices.recordManualPayment(invoice.id(), partly.version(),
                new ManualPayment(ManualPaymentMethod.CHEQUE, calendar.today(), new BigDecimal("60.00"), "No. 77")));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(paid.amountDue().isZero()).isTrue();
        assertThat(paid.paidAt()).isNotNull();
    }

    @Test
    void without_partial_payments_only_the_whole_amount_is_accepted_and_a_draft_cannot_be_paid_or_edited_once_sent() {
        InvoiceDetails invoice = sentInvoice(PaymentTerms.DUE_ON_RECEIPT, "80.00", false);
        assertThatThrownBy(() -> AsAdmin.call(() -> invoices.recordManualPayment(invoice.id(), invoice.version(),
                new ManualPayment(ManualPaymentMethod.CASH, calendar.today(), new BigDecimal("20.00"), null))))
                .isInstanceOfSatisfying(CrmValidationException.class, e ->
                        assertThat(e.problems()).containsEntry("amount", "invoice.payment.partial-not-allowed"));
        assertThat(AsAdmin.call(() -> invoices.get(invoice.id())).amountPaid().isZero()).isTrue();
        assertThatThrownBy(() -> AsAdmin.call(() -> invoices.updateDraft(invoice.id(), invoice.version(),
                invoice.header(), lines("1.00")))).isInstanceOf(InvoiceTransitionException.class);
    }

    @Test
    void voiding_needs_a_reason_and_keeps_it() {
        InvoiceDetails invoice = sentInvoice(PaymentTerms.NET_15, "50.00", false);
        assertThatThrownBy(() -> AsAdmin.call(() -> invoices.voidInvoice(invoice.id(), invoice.version(), " ")))
                .isInstanceOf(CrmValidationException.class);
        InvoiceDetails voided = AsAdmin.call(() -> invoices.voidInvoice(invoice.id(), invoice.version(), "Sent twice"));
        assertThat(voided.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(voided.voidReason()).isEqualTo("Sent twice");
    }
}
