package com.commercehub.automation;

import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.invoice.InvoiceStatusChanged;
import com.commercehub.payment.PaymentChanged;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.QuoteStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Turns quote, invoice and payment events into enrolments, inside the transaction that published them (so an enrolment
 * exists exactly when the change committed). Only rows are written here; a failure is logged and never undoes
 * the buyer's signature or the payment's recording.
 */
@Component
class AutomationListeners {

    private static final Logger log = LoggerFactory.getLogger(AutomationListeners.class);

    private final Enrolments enrolments;
    private final BusinessCalendar calendar;

    AutomationListeners(Enrolments enrolments, BusinessCalendar calendar) {
        this.enrolments = enrolments;
        this.calendar = calendar;
    }

    @EventListener
    void on(QuoteStatusChanged event) {
        List<Trigger> triggers = switch (event.status()) {
            case PUBLISHED -> List.of(Trigger.QUOTE_PUBLISHED, Trigger.QUOTE_EXPIRING);
            case VIEWED -> List.of(Trigger.QUOTE_VIEWED);
            case SIGNED -> List.of(Trigger.QUOTE_SIGNED);
            case PAID -> List.of(Trigger.QUOTE_PAID);
            default -> List.of();
        };
        handle(RecordType.QUOTE, event.quoteId(), triggers);
    }

    @EventListener
    void on(InvoiceStatusChanged event) {
        List<Trigger> triggers = switch (event.status()) {
            case OPEN -> List.of(Trigger.INVOICE_SENT);
            case OVERDUE -> List.of(Trigger.INVOICE_OVERDUE);
            default -> List.of();
        };
        handle(RecordType.INVOICE, event.invoiceId(), triggers);
    }

    @EventListener
    void on(PaymentChanged.Recorded event) {
        PaymentStatus before = event.before();
        boolean received = event.after().received() && (before == null || !before.received());
        boolean failed = event.after() == PaymentStatus.FAILED && before != PaymentStatus.FAILED;
        handle(RecordType.PAYMENT, event.paymentId(), received ? List.of(Trigger.PAYMENT_SUCCEEDED)
                : failed ? List.of(Trigger.PAYMENT_FAILED) : List.of());
    }

    @EventListener
    void on(PaymentChanged.Refunded event) {
        handle(RecordType.PAYMENT, event.paymentId(), List.of(Trigger.PAYMENT_REFUNDED));
    }

    @EventListener
    void on(PaymentChanged.SubscriptionRecorded event) {
        String status = event.status();
        Trigger trigger = SubscriptionRecordSource.LIVE.contains(status) ? Trigger.SUBSCRIPTION_CREATED
                : SubscriptionRecordSource.PAST_DUE.contains(status) ? Trigger.SUBSCRIPTION_PAST_DUE
                : "canceled".equals(status) ? Trigger.SUBSCRIPTION_CANCELED : null;
        handle(RecordType.SUBSCRIPTION, event.subscriptionId(), trigger == null ? List.of() : List.of(trigger));
    }

    private void handle(RecordType type, long recordId, List<Trigger> triggers) {
        try {
            var now = calendar.now();
            enrolments.unenrolStale(type, recordId, now);
            for (Trigger trigger : triggers) {
                enrolments.fire(trigger, recordId, now);
            }
        } catch (RuntimeException e) {
            log.error("Could not enrol {} {} in workflows ({}): {}", type, recordId, triggers, e.toString());
        }
    }
}
