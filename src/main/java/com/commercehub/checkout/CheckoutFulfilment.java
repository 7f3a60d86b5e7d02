package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.invoice.BuyerInvoices;
import com.commercehub.invoice.PayableInvoice;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.Settlement;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns a completed Checkout Session of a quote into what the product records: the payment with
 * Stripe's gross, fee and net, the quote Paid, the deal won, the owner told. The session is always read
 * afresh from Stripe (events come late, twice and out of order; the payload may be stale), and every
 * write is keyed on Stripe's ids, so running this again for the same session changes nothing.
 * Runs inside the caller's transaction: the event worker's, or the return page's.
 */
@Component
class CheckoutFulfilment {

    /** A payment recorded for a session: its row, where it stands, and the receipt to show. */
    record Fulfilled(long paymentId, PaymentStatus status, Money amount, String receiptUrl) {
    }

    private final PaymentRecords records;
    private final PaidQuotes quotes;
    private final QuotePaidSteps steps;
    private final SubscriptionFulfilment subscriptions;
    private final ChargeAftermath aftermath;
    private final LinkFulfilment links;
    private final BuyerInvoices invoices;

    CheckoutFulfilment(PaymentRecords records, PaidQuotes quotes, QuotePaidSteps steps,
                       SubscriptionFulfilment subscriptions, ChargeAftermath aftermath, LinkFulfilment links,
                       BuyerInvoices invoices) {
        this.invoices = invoices;
        this.aftermath = aftermath;
        this.links = links;
        this.records = records;
        this.quotes = quotes;
        this.steps = steps;
        this.subscriptions = subscriptions;
    }

    /** Reads the session from Stripe with what a payment needs (intent, charge, balance transaction). */
    static Session read(StripeClient client, String sessionId) throws StripeException {
        return client.v1().checkout().sessions().retrieve(sessionId, SessionRetrieveParams.builder()
                .addExpand("payment_intent.latest_charge.balance_transaction").build());
    }

    /**
     * Records what the session paid, if it is a quote's, a payment link's or an invoice's and has been completed (an
     * invoice then follows from the recorded payment); empty for anything else
     * (another feature's session, an open or expired one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Fulfilled> fulfil(String accountId, StripeClient client, Session session) throws StripeException {
        Optional<Long> link = LinkCheckout.linkOf(session.getMetadata());
        if (link.isPresent()) {
            return links.fulfil(accountId, client, session, link.get());
        }
        Optional<PaidQuotes.Target> target = quoteOf(session).flatMap(ref -> quotes.target(ref[0], (int) ref[1]));
        Optional<PayableInvoice> invoice = target.isPresent() ? Optional.empty()
                : invoiceOf(session).flatMap(invoices::parties);
        if ((target.isEmpty() && invoice.isEmpty()) || !"complete".equals(session.getStatus())) {
            return Optional.empty();
        }
        if (target.isPresent() && "subscription".equals(session.getMode())) {
            return subscriptions.sessionCompleted(accountId, client, session, target.get());
        }
        PaymentIntent intent = session.getPaymentIntentObject();
        if (intent == null) {
            return Optional.empty();
        }
        PaidQuotes.Target quote = target.orElse(null);
        PayableInvoice billed = invoice.orElse(null);
        PaymentFacts facts = quote != null
                ? paymentFacts(accountId, session, intent, quote.quoteId(), quote.version(), quote.dealId(),
                        quote.contactId(), quote.companyId(), null, null)
                : paymentFacts(accountId, session, intent, null, null, billed.dealId(), billed.contactId(),
                        billed.companyId(), null, billed.invoiceId());
        Money amount = facts.amount();
        Charge charge = intent.getLatestChargeObject();
        PaymentRecords.Recorded recorded = records.record(facts);
        if (quote != null && recorded.newlyReceived()) {
            steps.paid(quote, amount);
        }
        aftermath.afterRecording(accountId, client, charge);
        return Optional.of(new Fulfilled(recorded.id(), recorded.after(), amount, facts.receiptUrl()));
    }

    /** Our invoice's id from the session's metadata, as {@link InvoiceCheckout} put it there. */
    static Optional<Long> invoiceOf(Session session) {
        var metadata = session.getMetadata();
        String id = metadata == null ? null : metadata.get(InvoiceCheckout.METADATA_INVOICE_ID);
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** What a completed payment-mode session paid, for the records: sold through a quote, a payment link or an invoice. */
    static PaymentFacts paymentFacts(String accountId, Session session, PaymentIntent intent, Long quoteId,
                                     Integer quoteVersion, Long dealId, Long contactId, Long companyId, Long linkId,
                                     Long invoiceId) {
        Charge charge = intent.getLatestChargeObject();
        PaymentStatus status = switch (intent.getStatus()) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "processing" -> PaymentStatus.PROCESSING;
            default -> PaymentStatus.FAILED;
        };
        Money amount = StripeAmounts.fromMinorUnits(session.getAmountTotal(), session.getCurrency());
        return new PaymentFacts(accountId, intent.getId(), quoteId, quoteVersion, dealId, contactId, companyId, null,
                session.getId(), intent.getId(), null, charge == null ? null : charge.getId(), method(charge), status,
                amount, charge == null ? null : settlement(charge.getBalanceTransactionObject()),
                charge == null ? null : charge.getReceiptUrl(),
                intent.getLastPaymentError() == null ? null : intent.getLastPaymentError().getMessage(),
                status == PaymentStatus.SUCCEEDED && charge != null ? Instant.ofEpochSecond(charge.getCreated()) : null,
                linkId, invoiceId);
    }

    /** Quote id and version from the session's metadata, as checkout put them there. */
    static Optional<long[]> quoteOf(Session session) {
        var metadata = session.getMetadata();
        if (metadata == null) {
            return Optional.empty();
        }
        try {
            String id = metadata.get(QuoteCheckout.METADATA_QUOTE_ID);
            String version = metadata.get(QuoteCheckout.METADATA_VERSION);
            return id == null || version == null ? Optional.empty()
                    : Optional.of(new long[]{Long.parseLong(id), Long.parseLong(version)});
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    static Settlement settlement(BalanceTransaction transaction) {
        if (transaction == null) {
            return null;
        }
        String currency = transaction.getCurrency();
        BigDecimal rate = transaction.getExchangeRate();
        return new Settlement(transaction.getId(), StripeAmounts.fromMinorUnits(transaction.getAmount(), currency),
                StripeAmounts.fromMinorUnits(transaction.getFee(), currency),
                StripeAmounts.fromMinorUnits(transaction.getNet(), currency), rate);
    }

    static String method(Charge charge) {
        return charge == null || charge.getPaymentMethodDetails() == null ? null : charge.getPaymentMethodDetails().getType();
    }
}
