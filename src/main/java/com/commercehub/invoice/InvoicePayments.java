package com.commercehub.invoice;

import com.commercehub.payment.PaymentRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Every recorded payment gets a document, in the transaction that recorded it: a payment for one of our invoices
 * brings that invoice up to date (partially paid, paid); any other payment that reached the seller — a paid
 * quote, a payment link, a subscription period — gets a receipt with the next receipt number, once.
 */
@Component
class InvoicePayments {

    private final InvoiceBalance balance;
    private final InvoiceNumbers numbers;
    private final JdbcClient jdbc;
    private final Clock clock;

    InvoicePayments(InvoiceBalance balance, InvoiceNumbers numbers, JdbcClient jdbc, Clock clock) {
        this.balance = balance;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onRecorded(PaymentRecorded recorded) {
        if (recorded.invoice() != null) {
            balance.refresh(recorded.invoice());
            return;
        }
        if (!recorded.status().received()) {
            return;
        }
        boolean documented = jdbc.sql("SELECT COUNT(*) FROM receipt WHERE payment = :payment")
                .param("payment", recorded.paymentId()).query(Integer.class).single() > 0;
        if (!documented) {
            // The payment row is locked by its recording transaction, so no second receipt can race this one.
            jdbc.sql("INSERT INTO receipt (number, payment, created_at) VALUES (:number, :payment, :now)")
                    .param("number", numbers.nextReceiptNumber()).param("payment", recorded.paymentId())
                    .param("now", Timestamp.from(clock.instant())).update();
        }
    }
}
