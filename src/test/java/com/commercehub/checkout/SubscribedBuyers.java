package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.QuoteService;
import com.stripe.StripeClient;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;

/**
 * For other features' tests: a buyer who bought a monthly subscription through a quote and paid on the
 * sandbox's hosted page, with the webhooks handled — the same way {@code SubscriptionPaymentsIT} sets one up.
 */
public final class SubscribedBuyers {

    /** The buyer's contact and e-mail, the quote, and the subscription's row. */
    public record Subscribed(long contactId, String email, long quoteId, long subscriptionId, String stripeSubscriptionId) {
    }

    private final CheckoutTestQuotes quotes;
    private final PaymentFlow flow;
    private final JdbcClient jdbc;

    public SubscribedBuyers(QuoteService quotes, DealService deals, CompanyService companies, ContactService contacts,
                            JdbcClient jdbc, int port, SandboxApiKey key) {
        this.quotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, key.secretKey());
        this.flow = new PaymentFlow(jdbc, port);
        this.jdbc = jdbc;
    }

    /** A €99 monthly licence (quantity 2, 19 % tax) paid with 4242; must run as a signed-in sales rep. */
    public Subscribed subscribe() throws Exception {
        CheckoutTestQuotes.Published quote = quotes.publish(spec("EUR", List.of(
                line("Licence", "2", "99.00", null, null, null, false, BillingFrequency.MONTHLY))));
        quotes.pay(flow.checkOut(quote), "4242424242424242");
        flow.eventsProcessed();
        var row = jdbc.sql("SELECT id, stripe_subscription_id FROM subscription WHERE quote = :q")
                .param("q", quote.quoteId()).query().singleRow();
        return new Subscribed(quote.contactId(), quote.email(), quote.quoteId(), ((Number) row.get("id")).longValue(),
                (String) row.get("stripe_subscription_id"));
    }

    /** Waits until the sandbox's webhooks to this server have been handled. */
    public void eventsProcessed() throws InterruptedException {
        flow.eventsProcessed();
    }

    public StripeClient stripe() {
        return quotes.stripe();
    }
}
