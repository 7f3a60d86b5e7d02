package com.commercehub.buyer;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteHeaderDraft;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.AsAdmin;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Published quotes to open as a buyer, and a plain HTTP client that looks like a browser. */
final class BuyerPages {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
    static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    BuyerPages(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A deal with a German-speaking buyer, and a staff owner (sam, SALES) and countersigner (cora). */
    static DealDetails deal(JdbcClient jdbc, UserService users, CompanyService companies, ContactService contacts,
                            DealService deals, Locale buyerLocale) {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        QuoteTestData.staff(users, "cora@example.com", Role.ADMIN);
        return AsAdmin.call(() -> {
            ContactSummary buyer = QuoteTestData.buyer(companies, contacts, buyerLocale);
            return QuoteTestData.dealWithLines(deals, buyer);
        });
    }

    /** Publishes a quote of the deal in the given language; {@code prepare} may change the draft first. */
    static QuoteService.Published publish(QuoteService quotes, DealDetails deal, Locale locale, String comments,
                                          String terms, boolean signature, String countersigner, boolean payment) {
        return AsAdmin.call(() -> {
            QuoteDetails draft = quotes.createFromDeal(deal.id());
            draft = quotes.updateHeader(draft.id(), draft.version(), new QuoteHeaderDraft(draft.title(),
                    draft.expiresOn(), locale, draft.contactId(), "sam@example.com", comments, terms));
            draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT, "Treue",
                    Adjustment.Kind.PERCENT, new BigDecimal("10"));
            if (signature) {
                draft = quotes.setSignature(draft.id(), draft.version(), true, countersigner);
            }
            if (payment) {
                draft = quotes.setCollectPayment(draft.id(), draft.version(), true);
            }
            return quotes.publish(draft.id(), draft.version());
        });
    }

    /** How often the quote's timeline records {@code status} (VIEWED, SIGNED, …). */
    static long events(JdbcClient jdbc, long quoteId, String status) {
        return jdbc.sql("SELECT COUNT(*) FROM quote_event WHERE quote = :q AND status = :s")
                .param("q", quoteId).param("s", status).query(Long.class).single();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String userAgent) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<Void> head(String path) throws IOException, InterruptedException {
        return http.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    HttpResponse<byte[]> bytes(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", BROWSER)
                .header("Accept-Language", "en");
    }
}
