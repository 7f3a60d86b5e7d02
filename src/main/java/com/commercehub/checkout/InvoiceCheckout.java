package com.commercehub.checkout;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.branding.BrandingService;
import com.commercehub.invoice.BuyerInvoices;
import com.commercehub.invoice.InvoiceNotPayableException;
import com.commercehub.invoice.PayableInvoice;
import com.commercehub.base.money.Money;
import com.commercehub.stripe.ChargeLimits;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer's <em>Pay</em> on an invoice page: a Checkout Session in payment mode for the amount due now (or the
 * part of it the buyer chose, when the invoice allows partial payments),
 * found or made with the invoice's {@code invoice_checkout} row locked, so double clicks and two tabs get the
 * same session. A session made for another amount (a manual payment was recorded since) is expired and
 * replaced. The invoice is paid only from the recorded payment ({@link CheckoutFulfilment}), never from here.
 */
@Service
public class InvoiceCheckout {

    /** Metadata key on the session and its payment intent: our invoice's id. */
    public static final String METADATA_INVOICE_ID = "invoice_id";
    public static final String METADATA_INVOICE_NUMBER = "invoice_number";

    private static final Logger log = LoggerFactory.getLogger(InvoiceCheckout.class);

    private final BuyerInvoices invoices;
    private final PaymentAccounts accounts;
    private final CheckoutCustomers customers;
    private final PublicAddress address;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BrandingService branding;

    InvoiceCheckout(BuyerInvoices invoices, PaymentAccounts accounts, CheckoutCustomers customers,
                    PublicAddress address, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                    BrandingService branding) {
        this.branding = branding;
        this.invoices = invoices;
        this.accounts = accounts;
        this.customers = customers;
        this.address = address;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The Stripe Checkout address for the invoice behind the link. Stripe returns the buyer to
     * {@code /invoice/<token>/paid} after paying and to {@code /invoice/<token>} on cancel.
     *
     * @throws InvoiceNotPayableException   when nothing is due (paid, void, written off) or the link is unknown
     * @throws CheckoutUnavailableException when no account is ready, a payment is being confirmed, or Stripe failed
     */
    public String start(String buyerToken) {
        return start(buyerToken, null);
    }

    /**
     * As {@link #start(String)}, for {@code amount} of the amount due ({@code null}: all of it). Part of it only when
     * the invoice allows partial payments, at least Stripe's minimum for the currency, at most the amount due, and
     * never leaving less than that minimum to pay later (which could not be paid online).
     *
     * @throws PaymentAmountRefusedException when the amount cannot be taken; nothing is created
     */
    public String start(String buyerToken, BigDecimal amount) {
        PayableInvoice invoice = invoices.forCheckout(buyerToken)
                .orElseThrow(() -> new InvoiceNotPayableException("unknown invoice link"));
        Money charge = chosen(invoice, amount);
        PaymentAccount account = accounts.ready().orElseThrow(() -> new CheckoutUnavailableException(
                CheckoutUnavailableException.Reason.PAYMENTS_UNAVAILABLE, "no ready Stripe account"));
        try {
            String customer = customers.customerFor(account, new CheckoutCustomers.Buyer(invoice.buyerEmail(),
                    invoice.buyerName(), invoice.locale(), invoice.contactId()));
            jdbc.sql("INSERT IGNORE INTO invoice_checkout (invoice, updated_at) VALUES (:invoice, :now)")
                    .param("invoice", invoice.invoiceId()).param("now", Timestamp.from(clock.instant())).update();
            return transactions.execute(tx -> {
                try {
                    return session(account, invoice, charge, customer, buyerToken);
                } catch (StripeException e) {
                    throw new StripeFailure(e);
                }
            });
        } catch (StripeException e) {
            throw processorError(invoice, e);
        } catch (StripeFailure e) {
            throw processorError(invoice, (StripeException) e.getCause());
        }
    }

    private static final class StripeFailure extends RuntimeException {
        StripeFailure(StripeException cause) {
            super(cause);
        }
    }

    /** The amount to charge now, checked; the whole amount due when none was chosen. */
    static Money chosen(PayableInvoice invoice, BigDecimal amount) {
        Money due = invoice.amountDue();
        if (amount == null || amount.compareTo(due.amount()) == 0) {
            return due;
        }
        Money chosen = new Money(amount, due.currency());
        if (!invoice.partialAllowed()) {
            throw new PaymentAmountRefusedException("inv13.invoice.pay.whole-amount", due);
        }
        if (amount.signum() <= 0 || !chosen.hasCurrencyPrecision() || !StripeAmounts.isExactlyRepresentable(chosen)) {
            throw new PaymentAmountRefusedException("inv13.invoice.pay.amount-invalid", due);
        }
        if (amount.compareTo(due.amount()) > 0) {
            throw new PaymentAmountRefusedException("inv13.invoice.pay.more-than-due", due);
        }
        Optional<Money> minimum = ChargeLimits.minimumFor(due.currency());
        if (minimum.isPresent() && chosen.compareTo(minimum.get()) < 0) {
            throw new PaymentAmountRefusedException("inv13.invoice.pay.below-minimum", minimum.get());
        }
        if (minimum.isPresent() && due.minus(chosen).compareTo(minimum.get()) < 0) {
            throw new PaymentAmountRefusedException("inv13.invoice.pay.rest-below-minimum", due, minimum.get());
        }
        return chosen;
    }

    private record Row(String accountId, String sessionId, BigDecimal amountDue, BigDecimal amount, int attempt) {
    }

    private String session(PaymentAccount account, PayableInvoice invoice, Money charge, String customer, String token)
            throws StripeException {
        Row row = jdbc.sql("SELECT account_id, session_id, amount_due, amount, attempt FROM invoice_checkout WHERE invoice = :id FOR UPDATE")
                .param("id", invoice.invoiceId())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getInt(5))).single();
        BigDecimal due = invoice.amountDue().amount();
        boolean sameDue = row.amountDue() != null && row.amountDue().compareTo(due) == 0;
        if (row.sessionId() != null && account.accountId().equals(row.accountId())) {
            Session existing = stored(account, row.sessionId());
            // Paid but not yet recorded while the amount due is still the one it was made at; once its payment is
            // recorded (a part paid), the amount due has moved on and the rest gets a session of its own.
            if (existing != null && "complete".equals(existing.getStatus()) && sameDue) {
                throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PAYMENT_IN_PROGRESS,
                        "invoice " + invoice.invoiceId());
            }
            if (existing != null && "open".equals(existing.getStatus())) {
                BigDecimal sessionAmount = row.amount() == null ? row.amountDue() : row.amount();
                if (sameDue && sessionAmount.compareTo(charge.amount()) == 0) {
                    return existing.getUrl();
                }
                account.client().v1().checkout().sessions().expire(existing.getId());
            }
        }
        int attempt = row.attempt() + 1;
        // Deterministic per invoice, amount due at the time and amount chosen; the attempt keeps a choice made again
        // after another (whose session was expired) from replaying the expired session.
        Session created = account.client().v1().checkout().sessions().create(request(invoice, charge, customer,
                account.accountId(), token), IdempotencyKeys.forWrite("invoice", invoice.invoiceId(), "checkout",
                "due" + StripeAmounts.toMinorUnits(invoice.amountDue()), "pay" + StripeAmounts.toMinorUnits(charge),
                "attempt" + attempt));
        jdbc.sql("""
                        UPDATE invoice_checkout SET account_id = :account, session_id = :session, amount_due = :due,
                            amount = :amount, attempt = :attempt, updated_at = :now WHERE invoice = :id""")
                .param("account", account.accountId()).param("session", created.getId())
                .param("due", due).param("amount", charge.amount()).param("attempt", attempt)
                .param("now", Timestamp.from(clock.instant())).param("id", invoice.invoiceId()).update();
        return created.getUrl();
    }

    private SessionCreateParams request(PayableInvoice invoice, Money charge, String customer, String accountId,
                                        String token) {
        String base = address.base();
        Map<String, String> metadata = Map.of(METADATA_INVOICE_ID, String.valueOf(invoice.invoiceId()),
                METADATA_INVOICE_NUMBER, invoice.number(), QuoteCheckout.METADATA_ACCOUNT, accountId);
        String currency = invoice.amountDue().currency().getCurrencyCode().toLowerCase(java.util.Locale.ROOT);
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCustomer(customer)
                .setClientReferenceId("invoice-" + invoice.invoiceId())
                .setLocale(SessionRequests.locale(invoice.locale().toLanguageTag()))
                .setSuccessUrl(base + "/invoice/" + token + "/paid?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(base + "/invoice/" + token)
                .putAllMetadata(metadata)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build())
                .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency(currency)
                                .setUnitAmount(StripeAmounts.toMinorUnits(charge))
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(invoice.number()).build()).build()).build());
        // The checkout branding as on every session; an invoice's amount is fixed, so no promotion codes, and the
        // buyer comes back to the invoice page (not the branding's redirect), which shows it paid.
        CheckoutBranding.apply(session, branding.current(), invoice.locale().toLanguageTag(), base, false, false);
        return session.build();
    }

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

    private static CheckoutUnavailableException processorError(PayableInvoice invoice, StripeException e) {
        log.warn("Checkout of invoice {} failed at Stripe: {} ({})", invoice.invoiceId(), e.getMessage(), e.getRequestId());
        return new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
    }
}
