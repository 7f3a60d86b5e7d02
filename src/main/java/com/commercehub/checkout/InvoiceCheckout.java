package com.commercehub.checkout;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.branding.BrandingService;
import com.commercehub.invoice.BuyerInvoices;
import com.commercehub.invoice.InvoiceNotPayableException;
import com.commercehub.invoice.PayableInvoice;
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

/**
 * The buyer's <em>Pay</em> on an invoice page: a Checkout Session in payment mode for the amount due now,
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
        PayableInvoice invoice = invoices.forCheckout(buyerToken)
                .orElseThrow(() -> new InvoiceNotPayableException("unknown invoice link"));
        PaymentAccount account = accounts.ready().orElseThrow(() -> new CheckoutUnavailableException(
                CheckoutUnavailableException.Reason.PAYMENTS_UNAVAILABLE, "no ready Stripe account"));
        try {
            String customer = customers.customerFor(account, new CheckoutCustomers.Buyer(invoice.buyerEmail(),
                    invoice.buyerName(), invoice.locale(), invoice.contactId()));
            jdbc.sql("INSERT IGNORE INTO invoice_checkout (invoice, updated_at) VALUES (:invoice, :now)")
                    .param("invoice", invoice.invoiceId()).param("now", Timestamp.from(clock.instant())).update();
            return transactions.execute(tx -> {
                try {
                    return session(account, invoice, customer, buyerToken);
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

    private record Row(String accountId, String sessionId, BigDecimal amountDue, int attempt) {
    }

    private String session(PaymentAccount account, PayableInvoice invoice, String customer, String token)
            throws StripeException {
        Row row = jdbc.sql("SELECT account_id, session_id, amount_due, attempt FROM invoice_checkout WHERE invoice = :id FOR UPDATE")
                .param("id", invoice.invoiceId())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4))).single();
        if (row.sessionId() != null && account.accountId().equals(row.accountId())) {
            Session existing = stored(account, row.sessionId());
            if (existing != null && "complete".equals(existing.getStatus())) {
                throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PAYMENT_IN_PROGRESS,
                        "invoice " + invoice.invoiceId());
            }
            if (existing != null && "open".equals(existing.getStatus())) {
                if (row.amountDue() != null && row.amountDue().compareTo(invoice.amountDue().amount()) == 0) {
                    return existing.getUrl();
                }
                account.client().v1().checkout().sessions().expire(existing.getId());
            }
        }
        int attempt = row.attempt() + 1;
        Session created = account.client().v1().checkout().sessions().create(request(invoice, customer,
                account.accountId(), token), IdempotencyKeys.forWrite("invoice", invoice.invoiceId(), "checkout",
                "attempt" + attempt));
        jdbc.sql("""
                        UPDATE invoice_checkout SET account_id = :account, session_id = :session, amount_due = :due,
                            attempt = :attempt, updated_at = :now WHERE invoice = :id""")
                .param("account", account.accountId()).param("session", created.getId())
                .param("due", invoice.amountDue().amount()).param("attempt", attempt)
                .param("now", Timestamp.from(clock.instant())).param("id", invoice.invoiceId()).update();
        return created.getUrl();
    }

    private SessionCreateParams request(PayableInvoice invoice, String customer, String accountId, String token) {
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
                                .setUnitAmount(StripeAmounts.toMinorUnits(invoice.amountDue()))
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
