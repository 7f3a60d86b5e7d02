package com.commercehub.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invoice and receipt sequences. A number is taken inside the transaction that stores it, with the
 * settings row locked until that transaction ends: concurrent senders queue, each gets the next number,
 * and a rollback gives its number back — so the sequence has neither gaps nor duplicates.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextInvoiceNumber() {
        return take("number_prefix", "next_number");
    }

    String nextReceiptNumber() {
        return take("receipt_prefix", "next_receipt");
    }

    private String take(String prefixColumn, String counterColumn) {
        record Counter(String prefix, long next) {
        }
        Counter counter = jdbc.sql("SELECT " + prefixColumn + ", " + counterColumn + " FROM invoice_settings WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Counter(rs.getString(1), rs.getLong(2))).single();
        jdbc.sql("UPDATE invoice_settings SET " + counterColumn + " = " + counterColumn + " + 1 WHERE id = 1").update();
        return counter.prefix() + counter.next();
    }
}
