package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.QuoteContent;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteService;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.StripeClient;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionRetrieveParams;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Quotes published for checkout tests (through the real services, as a signed-in sales rep), and the
 * sandbox seen through stripe-java over HTTP, as Stripe would be.
 */
final class CheckoutTestQuotes {

    /** A published version and its buyer link's token. */
    record Published(long quoteId, long quoteVersion, int version, long contactId, String email, String token,
                     QuoteContent content) {

        long expectedMinorUnits() {
            return StripeAmounts.toMinorUnits(new Money(content.firstPayment(), content.currency()));
        }
    }

    /** What a quote is made of. */
    record Spec(String currency, List<LineItemDraft> lines, List<AdjustmentDraft> adjustments, boolean signature,
                boolean payment) {

        Spec withSignature() {
            return new Spec(currency, lines, adjustments, true, payment);
        }

        Spec withoutPayment() {
            return new Spec(currency, lines, adjustments, signature, false);
        }
    }

    private final QuoteService quotes;
    private final DealService deals;
    private final CompanyService companies;
    private final ContactService contacts;
    private final int port;
    private final String sandboxKey;
    /** Company and contact of each buyer address used so far: a buyer may get several quotes. */
    private final Map<String, long[]> buyers = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    CheckoutTestQuotes(QuoteService quotes, DealService deals, CompanyService companies, ContactService contacts,
                       int port, String sandboxKey) {
        this.quotes = quotes;
        this.sandboxKey = sandboxKey;
        this.deals = deals;
        this.companies = companies;
        this.contacts = contacts;
        this.port = port;
    }

    static LineItemDraft line(String name, String quantity, String price, DiscountKind discount, String discountValue,
                              String tax, boolean inclusive, BillingFrequency frequency) {
        return new LineItemDraft(null, name, null, new BigDecimal(quantity), new BigDecimal(price), discount,
                discountValue == null ? null : new BigDecimal(discountValue), tax == null ? null : new BigDecimal(tax),
                inclusive, frequency, null);
    }

    static AdjustmentDraft discount(Adjustment adjustment) {
        return new AdjustmentDraft(AdjustmentDraft.Type.DISCOUNT, "Loyalty discount", adjustment);
    }

    static AdjustmentDraft fee(Adjustment adjustment) {
        return new AdjustmentDraft(AdjustmentDraft.Type.FEE, "Set-up fee", adjustment);
    }

    static Spec spec(String currency, List<LineItemDraft> lines, AdjustmentDraft... adjustments) {
        return new Spec(currency, lines, List.of(adjustments), false, true);
    }

    static String uniqueEmail() {
        return "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
    }

    Published publish(Spec spec) {
        return publish(spec, uniqueEmail());
    }

    /** A deal for the buyer with {@code email} (new or seen before), its quote with the spec's adjustments, published. */
    Published publish(Spec spec, String email) {
        long[] buyer = buyers.computeIfAbsent(email, address -> {
            long company = companies.create(new CompanyDraft("Acme " + address.substring(0, address.indexOf('@')),
                    null, null, "DE")).id();
            return new long[]{company, contacts.create(new ContactDraft("Erika", "Mustermann", address, company,
                    Locale.GERMAN)).id()};
        });
        long company = buyer[0];
        long contact = buyer[1];
        DealDetails deal = deals.create(new DealDraft("Rollout", null, DealStage.PROPOSAL,
                Currency.getInstance(spec.currency()), company, Set.of(contact), null));
        for (LineItemDraft line : spec.lines()) {
            deal = deals.addLine(deal.id(), deal.version(), line);
        }
        QuoteDetails quote = quotes.createFromDeal(deal.id());
        for (AdjustmentDraft adjustment : spec.adjustments()) {
            quote = quotes.addAdjustment(quote.id(), quote.version(), adjustment.type(), adjustment.label(),
                    adjustment.adjustment().kind(), adjustment.adjustment().value());
        }
        if (spec.signature()) {
            quote = quotes.setSignature(quote.id(), quote.version(), true, null);
        }
        if (spec.payment()) {
            quote = quotes.setCollectPayment(quote.id(), quote.version(), true);
        }
        return published(quotes.publish(quote.id(), quote.version()), contact, email);
    }

    /** Recalls and publishes the quote again: a new version with a new link. */
    Published republish(Published old) {
        QuoteDetails recalled = quotes.recall(old.quoteId(), quotes.get(old.quoteId()).version());
        return published(quotes.publish(recalled.id(), recalled.version()), old.contactId(), old.email());
    }

    private Published published(QuoteService.Published published, long contact, String email) {
        QuoteDetails quote = published.quote();
        QuoteContent content = quotes.publishedContent(quote.id(), quote.publishedVersion()).orElseThrow();
        return new Published(quote.id(), quote.version(), quote.publishedVersion(), contact, email,
                published.linkPath().substring("/quote/".length()), content);
    }

    StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey)
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").setMaxNetworkRetries(0).build();
    }

    static String sessionId(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    Session session(String url) throws Exception {
        return stripe().v1().checkout().sessions().retrieve(sessionId(url), SessionRetrieveParams.builder()
                .addExpand("line_items").addExpand("line_items.data.taxes").build());
    }

    /** Pays on the sandbox's hosted page with a test card; the answer is the redirect. */
    HttpResponse<String> pay(String url, String card) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode("erika@acme.example",
                        StandardCharsets.UTF_8) + "&name=Erika&card=" + URLEncoder.encode(card, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static long sessionsInSandbox(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_object WHERE object_type = 'checkout.session'")
                .query(Long.class).single();
    }

    /** Open sessions the sandbox holds for a quote version (by our client reference). */
    static List<String> openSessions(JdbcClient jdbc, Published quote) {
        return new ArrayList<>(jdbc.sql("""
                        SELECT id FROM sandbox_object WHERE object_type = 'checkout.session'
                          AND JSON_VALUE(body, '$.client_reference_id') = :reference
                          AND JSON_VALUE(body, '$.status') = 'open'""")
                .param("reference", "quote-" + quote.quoteId() + "-v" + quote.version()).query(String.class).list());
    }
}
