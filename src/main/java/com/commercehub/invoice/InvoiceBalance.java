package com.commercehub.invoice;

import com.commercehub.base.time.BusinessCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * What an invoice has received: its Stripe payments that reached the seller plus the sums recorded by hand,
 * worked out again from those rows each time (so a repeated webhook counts once), and the status that follows.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class InvoiceBalance {

    private final JdbcClient jdbc;
    private final InvoiceRepository invoices;
    private final BusinessCalendar calendar;
    private final Clock clock;

    InvoiceBalance(JdbcClient jdbc, InvoiceRepository invoices, BusinessCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Locks the invoice row first, so two payments arriving together add up instead of overwriting each other. */
    Invoice refresh(long invoiceId) {
        jdbc.sql("SELECT id FROM invoice WHERE id = :id FOR UPDATE").param("id", invoiceId).query(Long.class).single();
        BigDecimal received = jdbc.sql("""
                        SELECT (SELECT COALESCE(SUM(amount), 0) FROM payment WHERE invoice = :id
                                  AND status NOT IN ('PROCESSING', 'FAILED'))
                             + (SELECT COALESCE(SUM(amount), 0) FROM invoice_manual_payment WHERE invoice = :id)""")
                .param("id", invoiceId).query(BigDecimal.class).single();
        Invoice invoice = invoices.findById(invoiceId).orElseThrow();
        invoice.paid(received, calendar.today(), clock.instant());
        return invoices.save(invoice);
    }
}
