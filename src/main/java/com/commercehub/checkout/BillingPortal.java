package com.commercehub.checkout;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.stripe.exception.StripeException;
import com.stripe.param.billingportal.SessionCreateParams;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * A subscriber updates their payment method in Stripe's billing portal, opened from their quote's link
 * (the e-mail after a failed renewal points there): portal sessions live minutes, so each visit makes
 * a fresh one rather than e-mailing one that would have expired.
 */
@Component
public class BillingPortal {

    private final QuoteLifecycle lifecycle;
    private final PaymentAccounts accounts;
    private final PaymentRecords records;
    private final PublicAddress address;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BillingPortal(QuoteLifecycle lifecycle, PaymentAccounts accounts, PaymentRecords records, PublicAddress address,
                  TransactionTemplate transactions, Clock clock) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.records = records;
        this.address = address;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The portal's address for the subscription sold through the quote behind {@code token}; empty when it has none. */
    public Optional<String> open(String token) throws StripeException {
        Optional<BuyerQuote> quote = lifecycle.openByBuyer(token, false);
        Optional<PaymentAccount> account = accounts.connected();
        if (quote.isEmpty() || account.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> customer = transactions.execute(tx ->
                records.subscriptionCustomer(account.get().accountId(), quote.get().quoteId()));
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        // One portal session per quote and minute: a double click reuses it, a later visit gets a fresh one.
        long minute = clock.instant().getEpochSecond() / 60;
        var session = account.get().client().v1().billingPortal().sessions().create(SessionCreateParams.builder()
                        .setCustomer(customer.get()).setReturnUrl(address.base() + "/quote/" + token)
                        // Straight to the card: what the buyer comes for after a failed renewal.
                        .setFlowData(SessionCreateParams.FlowData.builder()
                                .setType(SessionCreateParams.FlowData.Type.PAYMENT_METHOD_UPDATE).build())
                        .build(),
                IdempotencyKeys.forWrite("quote", quote.get().quoteId(), "portal", minute));
        return Optional.of(session.getUrl());
    }
}
