package com.commercehub.dashboard;

import com.commercehub.payment.PaymentStatus;

import java.time.LocalDate;

/** The payments page's filters; null = any. {@code search}: buyer, company, e-mail or a Stripe id. */
public record PaymentFilter(LocalDate from, LocalDate to, PaymentStatus status, PaymentSources source,
                            String currency, String owner, SyncState sync, String search) {

    public static final PaymentFilter ALL = new PaymentFilter(null, null, null, null, null, null, null, null);

    public PaymentFilter withOwner(String newOwner) {
        return new PaymentFilter(from, to, status, source, currency, newOwner, sync, search);
    }
}
