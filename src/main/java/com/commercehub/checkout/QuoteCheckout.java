package com.commercehub.checkout;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.base.i18n.Messages;
import com.commercehub.quote.PayableQuote;
import com.commercehub.quote.PayableQuotes;
import com.commercehub.quote.QuoteNotPayableException;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The buyer's <em>Check out</em>: a Stripe Checkout Session for the quote version behind the link.
 * Like the buyer page, it needs no staff login — the link's token is the credential — and it checks
 * everything again on the server.
 * <p>
 * A version has at most one open session: its {@code quote_checkout} row is locked while the session
 * is looked up or made, so double clicks, two tabs and two buyers get the same one. An expired session
 * is replaced by a new one under the next attempt's idempotency key. Stripe's total is compared with
 * the quote's first payment before the buyer is sent anywhere; a session that would charge another
 * amount is expired at once and never offered.
 */
@Service
public class QuoteCheckout {

    /** Metadata keys on the session and on its payment intent or subscription. */
    public static final String METADATA_QUOTE_ID = "quote_id";
    public static final String METADATA_VERSION = "quote_version";
    public static final String METADATA_NUMBER = "quote_number";
    public static final String METADATA_ACCOUNT = "account_id";

    private static final Logger log = LoggerFactory.getLogger(QuoteCheckout.class);

    private final PayableQuotes payableQuotes;
    private final PaymentAccounts accounts;
    private final CheckoutCustomers customers;
    private final CheckoutTaxRates taxRates;
    private final CheckoutRows rows;
    private final PublicAddress address;
    private final Messages messages;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final com.commercehub.branding.BrandingService branding;
    private final CheckoutCrashPoint crashPoint;

    QuoteCheckout(PayableQuotes payableQuotes, PaymentAccounts accounts, CheckoutCustomers customers,
                  CheckoutTaxRates taxRates, CheckoutRows rows, PublicAddress address, Messages messages,
                  TransactionTemplate transactions, Clock clock, com.commercehub.branding.BrandingService branding,
                  CheckoutCrashPoint crashPoint) {
        this.branding = branding;
        this.crashPoint = crashPoint;
        this.payableQuotes = payableQuotes;
        this.accounts = accounts;
        this.customers = customers;
        this.taxRates = taxRates;
        this.rows = rows;
        this.address = address;
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The address of the Stripe Checkout page to send the buyer to: the version's open session, or a
     * new one. Stripe returns the buyer to {@code <public base>/quote/<token>/paid?session_id=<id>}
     * after paying and to {@code <public base>/quote/<token>} on cancel.
     *
     * @throws QuoteNotPayableException     when the link cannot be paid (expired, recalled, replaced, paid,
     *                                      payment off, signature missing); nothing was made at Stripe
     * @throws CheckoutUnavailableException when no ready account is connected, Stripe would charge another
     *                                      amount, the version was just paid, or Stripe failed
     */
    public String start(String buyerToken) {
        PayableQuote quote = payableQuotes.forCheckout(buyerToken);
        PaymentAccount account = accounts.ready().orElseThrow(() -> new CheckoutUnavailableException(
                CheckoutUnavailableException.Reason.PAYMENTS_UNAVAILABLE, "no ready Stripe account"));
        Locale locale = Locale.forLanguageTag(quote.content().locale());
        CheckoutPlan plan;
        try {
            plan = CheckoutPlan.of(quote.content(), locale);
        } catch (CheckoutPlan.NotRepresentable e) {
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.AMOUNT_MISMATCH, e.getMessage());
        }
        try {
            // Found or made once each, outside the lock; their keys make concurrent starts agree.
            String customer = customers.customerFor(account, quote);
            Map<CheckoutPlan.Tax, String> rates = new LinkedHashMap<>();
            String taxName = messages.get("checkout.tax-rate.name", locale);
            for (CheckoutPlan.Line line : plan.lines()) {
                if (line.tax() != null && !rates.containsKey(line.tax())) {
                    rates.put(line.tax(), taxRates.rateFor(account, line.tax(), taxName));
                }
            }
            rows.ensure(quote.quoteId(), quote.version(), clock.instant());
            Outcome outcome = transactions.execute(tx -> {
                try {
                    return session(account, quote, plan, customer, rates, buyerToken);
                } catch (StripeException e) {
                    throw new StripeFailure(e);
                }
            });
            if (outcome.refused() != null) {
                throw new CheckoutUnavailableException(outcome.refused(), "quote " + quote.quoteId() + " v" + quote.version());
            }
            return outcome.url();
        } catch (StripeException e) {
            throw processorError(quote, e);
        } catch (StripeFailure e) {
            throw processorError(quote, e.getCause());
        }
    }

    private record Outcome(String url, CheckoutUnavailableException.Reason refused) {
    }

    /** Carries a checked Stripe failure out of the transaction callback (which then rolls back). */
    private static final class StripeFailure extends RuntimeException {
        StripeFailure(StripeException cause) {
            super(cause);
        }

        @Override
        public synchronized StripeException getCause() {
            return (StripeException) super.getCause();
        }
    }

    /** Runs with the version's row locked. */
    private Outcome session(PaymentAccount account, PayableQuote quote, CheckoutPlan plan, String customer,
                            Map<CheckoutPlan.Tax, String> rates, String token) throws StripeException {
        CheckoutRows.Row row = rows.lock(quote.quoteId(), quote.version()).inAccount(account.accountId());
        Session existing = row.sessionId() == null ? null : stored(account, row.sessionId());
        if (existing != null) {
            switch (existing.getStatus()) {
                case "open" -> {
                    return new Outcome(existing.getUrl(), null);
                }
                case "complete" -> {
                    return new Outcome(null, CheckoutUnavailableException.Reason.PAYMENT_IN_PROGRESS);
                }
                default -> {
                    // Expired: a new session replaces it below.
                }
            }
        }
        if (rows.mismatched(quote.quoteId(), quote.version(), account.accountId())) {
            // The version is frozen: Stripe would price it the same way again.
            return new Outcome(null, CheckoutUnavailableException.Reason.AMOUNT_MISMATCH);
        }
        row = withCouponAndProducts(account, quote, plan, row);
        int attempt = row.attempt() + 1;
        Session created = create(account, quote, plan, row, customer, rates, token, attempt);
        crashPoint.sessionCreated(created.getId());
        long charged = created.getAmountTotal();
        rows.made(quote.quoteId(), quote.version(), new CheckoutRows.Made(created.getId(), attempt,
                account.accountId(), plan.subscription(), plan.currency(), plan.expectedTotal(), charged), clock.instant());
        rows.save(new CheckoutRows.Row(row.quoteId(), row.versionNo(), account.accountId(), attempt, created.getId(),
                row.couponId(), row.productIds()), clock.instant());
        if (charged != plan.expectedTotal()) {
            log.error("Stripe priced quote {} v{} at {} {} instead of {}; the session {} was expired, not offered",
                    quote.quoteId(), quote.version(), charged, plan.currency(), plan.expectedTotal(), created.getId());
            account.client().v1().checkout().sessions().expire(created.getId());
            return new Outcome(null, CheckoutUnavailableException.Reason.AMOUNT_MISMATCH);
        }
        return new Outcome(created.getUrl(), null);
    }

    /** The version's last session as Stripe has it now; null when Stripe no longer knows it. */
    private static Session stored(PaymentAccount account, String sessionId) throws StripeException {
        try {
            return account.client().v1().checkout().sessions().retrieve(sessionId);
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return null;
            }
            throw e;
        }
    }

    private Session create(PaymentAccount account, PayableQuote quote, CheckoutPlan plan, CheckoutRows.Row row,
                           String customer, Map<CheckoutPlan.Tax, String> rates, String token, int attempt)
            throws StripeException {
        String base = address.base();
        com.commercehub.branding.BrandingSettings brand = branding.current();
        SessionRequests.Refs refs = new SessionRequests.Refs(customer, rates, row.couponId(), row.productIds());
        try {
            return account.client().v1().checkout().sessions().create(
                    SessionRequests.session(quote, plan, refs, account.accountId(), base, token, account.sepaDebit(),
                            brand), key(quote, attempt));
        } catch (InvalidRequestException e) {
            if (!"customer".equals(e.getParam())) {
                throw e;
            }
            // The customer was deleted at Stripe: find or make the buyer's customer again, once.
            customers.forget(account, customer);
            String again = customers.customerFor(account, quote);
            SessionRequests.Refs retry = new SessionRequests.Refs(again, rates, row.couponId(), row.productIds());
            return account.client().v1().checkout().sessions().create(
                    SessionRequests.session(quote, plan, retry, account.accountId(), base, token, account.sepaDebit(), brand),
                    IdempotencyKeys.forWrite("quote", quote.quoteId(), "v" + quote.version(), "checkout",
                            "attempt" + attempt, again));
        }
    }

    private static com.stripe.net.RequestOptions key(PayableQuote quote, int attempt) {
        return IdempotencyKeys.forWrite("quote", quote.quoteId(), "v" + quote.version(), "checkout", "attempt" + attempt);
    }

    /** The version's coupon (and, for a coupon that must spare the fees, a product per quote line), made once. */
    private static CheckoutRows.Row withCouponAndProducts(PaymentAccount account, PayableQuote quote, CheckoutPlan plan,
                                                          CheckoutRows.Row row) throws StripeException {
        if (plan.coupon() == null || row.couponId() != null) {
            return row;
        }
        Map<String, String> metadata = SessionRequests.metadata(quote, account.accountId());
        List<String> products = new ArrayList<>();
        if (plan.coupon().linesOnly()) {
            int index = 0;
            for (CheckoutPlan.Line line : plan.lines()) {
                if (!line.fee()) {
                    products.add(account.client().v1().products().create(SessionRequests.product(line, metadata),
                            IdempotencyKeys.forWrite("quote", quote.quoteId(), "v" + quote.version(), "product", index++))
                            .getId());
                }
            }
        }
        String coupon = account.client().v1().coupons().create(SessionRequests.coupon(plan, products, metadata),
                IdempotencyKeys.forWrite("quote", quote.quoteId(), "v" + quote.version(), "coupon")).getId();
        return new CheckoutRows.Row(row.quoteId(), row.versionNo(), row.accountId(), row.attempt(), row.sessionId(),
                coupon, List.copyOf(products));
    }

    private static CheckoutUnavailableException processorError(PayableQuote quote, StripeException e) {
        log.warn("Checkout of quote {} v{} failed at Stripe: {} ({})", quote.quoteId(), quote.version(),
                e.getMessage(), e.getRequestId());
        return new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
    }
}
