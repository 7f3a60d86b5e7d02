package com.commercehub.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One double-entry line of the accounting journal. {@code entryKey} names the business event the line
 * belongs to (sale:42, settle:42, refund:re_…, dispute:42); each entry's lines balance per currency.
 * {@code bookedOn} is the day in the exported period (a late event of a locked period is booked on the first
 * day of the next open one); {@code eventDate} the day it happened.
 */
public record JournalLine(String entryKey, LocalDate bookedOn, LocalDate eventDate, String account, String detail,
                          String currency, BigDecimal debit, BigDecimal credit, long payment, String reference) {

    public static final String RECEIVABLE = "stripe-receivable";
    public static final String REVENUE = "revenue";
    public static final String TAX_PAYABLE = "tax-payable";
    public static final String STRIPE_BALANCE = "stripe-balance";
    public static final String STRIPE_FEES = "stripe-fees";
    public static final String FX_DIFFERENCES = "fx-differences";
    public static final String REFUNDS = "refunds";
    public static final String DISPUTES = "disputes";

    JournalLine bookedOn(LocalDate day) {
        return new JournalLine(entryKey, day, eventDate, account, detail, currency, debit, credit, payment, reference);
    }
}
