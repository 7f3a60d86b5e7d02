package com.commercehub.buyer;

import com.commercehub.base.i18n.Messages;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards every buyer page: security headers (scripts only from the app, framing only by the app's
 * own staff preview, no referrer so the token in the address does not leak, no indexing, no caching)
 * and a rate limit per client address, which answers 429 with a plain message when exceeded.
 */
@Component
class BuyerPageGuard extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self' https://checkout.stripe.com; "
            + "frame-ancestors 'self'; base-uri 'none'";
    private static final int MAX_TRACKED_ADDRESSES = 100_000;

    private final Messages messages;
    private final BuyerTemplates templates;
    private final long perMinute;
    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();

    private record Tracked(Bucket bucket, long[] lastSeen) {
    }

    BuyerPageGuard(Messages messages, BuyerTemplates templates,
                   @Value("${hub.buyer.requests-per-minute:120}") long perMinute) {
        this.messages = messages;
        this.templates = templates;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/quote/") || path.equals("/quote") || path.startsWith("/staff/quotes/") || path.startsWith("/staff/receipts/")
                || path.startsWith("/pay/") || path.startsWith("/invoice/")
                || path.equals("/portal") || path.startsWith("/portal/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        if (!request.getRequestURI().contains("/staff/") && !admit(BuyerRequests.clientAddress(request))) {
            tooMany(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean admit(String address) {
        if (buckets.size() > MAX_TRACKED_ADDRESSES) {
            // A flood of addresses: forget them all rather than grow without bound.
            buckets.clear();
        }
        Tracked tracked = buckets.computeIfAbsent(address, a -> new Tracked(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build(), new long[1]));
        tracked.lastSeen()[0] = System.nanoTime();
        return tracked.bucket().tryConsume(1);
    }

    /** Addresses quiet for ten minutes have a full bucket again anyway: drop them. */
    @Scheduled(fixedDelay = 600_000)
    void forgetQuietAddresses() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        buckets.values().removeIf(tracked -> tracked.lastSeen()[0] < cutoff);
    }

    private void tooMany(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var locale = Messages.supported(request.getLocale());
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setContentType("text/html;charset=UTF-8");
        String html = templates.render("message", locale, Map.of("base", request.getContextPath(),
                "lang", locale.getLanguage(),
                "heading", messages.get("buyer.rate-limited.title", locale),
                "text", messages.get("buyer.rate-limited.text", locale)));
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
