package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * The buyer is back from Stripe Checkout. Their page must not wait for the webhook: the session is
 * read from Stripe here and, if paid, recorded through the same fulfilment the webhook uses — which
 * records a payment once, whichever of the two comes first.
 */
@Component
public class CheckoutReturn {

    private static final Logger log = LoggerFactory.getLogger(CheckoutReturn.class);

    /** Where the buyer's payment stands, as the thank-you page tells it. */
    public record Confirmation(State state, Money amount, String receiptUrl) {

        public enum State {
            /** The money is in. */
            PAID,
            /** A delayed method (SEPA Direct Debit): accepted, settles in a few days. */
            PROCESSING,
            /** Stripe has not finished with it yet (or could not be asked): the page asks again shortly. */
            CONFIRMING,
            /** The session was not paid (abandoned, declined, a delayed payment failed). */
            NOT_PAID
        }
    }

    private final QuoteLifecycle lifecycle;
    private final PaymentAccounts accounts;
    private final CheckoutFulfilment fulfilment;
    private final TransactionTemplate transactions;

    CheckoutReturn(QuoteLifecycle lifecycle, PaymentAccounts accounts, CheckoutFulfilment fulfilment,
                   TransactionTemplate transactions) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.fulfilment = fulfilment;
        this.transactions = transactions;
    }

    /**
     * What became of {@code sessionId} for the quote behind {@code token}; empty when the link is unknown
     * or the session is not this version's (a session id from elsewhere changes nothing).
     */
    public Optional<Confirmation> confirm(String token, String sessionId) {
        Optional<BuyerQuote> quote = lifecycle.openByBuyer(token, false);
        if (quote.isEmpty()) {
            return Optional.empty();
        }
        return confirmSession(sessionId, session -> {
            Optional<long[]> ref = CheckoutFulfilment.quoteOf(session);
            return ref.isPresent() && ref.get()[0] == quote.get().quoteId() && ref.get()[1] == quote.get().version();
        });
    }

    /**
     * What became of {@code sessionId} made for payment link {@code linkId}; empty when the session is not
     * that link's. Paid sessions are recorded through the same fulfilment as the webhook's.
     */
    public Optional<Confirmation> confirmLink(long linkId, String sessionId) {
        return confirmSession(sessionId, session -> LinkCheckout.linkOf(session.getMetadata()).filter(id -> id == linkId)
                .isPresent());
    }

    private Optional<Confirmation> confirmSession(String sessionId, java.util.function.Predicate<Session> belongs) {
        Optional<PaymentAccount> account = accounts.connected();
        if (account.isEmpty() || sessionId == null || !sessionId.startsWith("cs_")) {
            return Optional.empty();
        }
        Session session;
        try {
            session = CheckoutFulfilment.read(account.get().client(), sessionId);
        } catch (StripeException e) {
            log.info("Could not read checkout session for the return page: {}", e.getMessage());
            return Optional.of(new Confirmation(Confirmation.State.CONFIRMING, null, null));
        }
        if (!belongs.test(session)) {
            return Optional.empty();
        }
        Money amount = session.getAmountTotal() == null ? null
                : StripeAmounts.fromMinorUnits(session.getAmountTotal(), session.getCurrency());
        if (!"complete".equals(session.getStatus())) {
            return Optional.of(new Confirmation(Confirmation.State.NOT_PAID, amount, null));
        }
        try {
            Optional<CheckoutFulfilment.Fulfilled> fulfilled = transactions.execute(tx -> {
                try {
                    return fulfilment.fulfil(account.get().accountId(), account.get().client(), session);
                } catch (StripeException e) {
                    throw new IllegalStateException(e);
                }
            });
            return Optional.of(fulfilled.map(CheckoutReturn::confirmation)
                    .orElse(new Confirmation(Confirmation.State.CONFIRMING, amount, null)));
        } catch (DataAccessException | IllegalStateException racedWithTheWebhook) {
            // The webhook's worker recorded it at the same moment; the page asks again and finds it.
            return Optional.of(new Confirmation(Confirmation.State.CONFIRMING, amount, null));
        }
    }

    private static Confirmation confirmation(CheckoutFulfilment.Fulfilled fulfilled) {
        Confirmation.State state = fulfilled.status().received() ? Confirmation.State.PAID
                : fulfilled.status() == PaymentStatus.PROCESSING ? Confirmation.State.PROCESSING
                : Confirmation.State.NOT_PAID;
        return new Confirmation(state, fulfilled.amount(), fulfilled.receiptUrl());
    }
}
