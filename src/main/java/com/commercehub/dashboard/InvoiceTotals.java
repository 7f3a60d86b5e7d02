package com.commercehub.dashboard;

import com.commercehub.base.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Open and overdue invoice amounts, per currency, for the dashboard's KPI cards. A port: the
 * dashboard implements it over the invoices' table ({@link OpenInvoiceTotals}); without an implementation the
 * dashboard leaves the invoice cards out.
 */
public interface InvoiceTotals {

    record Open(Money open, Money overdue) {
    }

    List<Open> openOn(LocalDate day);
}
