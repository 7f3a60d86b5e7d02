package com.commercehub.base.security;

import com.commercehub.base.i18n.Messages;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many new sessions one client address may open per minute. A request without a session from an
 * address over its budget gets 429 before any session exists; pages that never open one (buyer pages,
 * the webhook, the sandbox's API, health probes) are not counted or refused.
 */
@Component
class NewSessionLimit {

    private static final int MAX_TRACKED = 100_000;

    private final Messages messages;
    private final long perMinute;
    private final Map<String, Tracked> buckets = new ConcurrentHashMap<>();

    private record Tracked(Bucket bucket, long[] lastSeen) {
    }

    NewSessionLimit(Messages messages, @Value("${hub.security.new-sessions-per-minute:60}") long perMinute) {
        this.messages = messages;
        this.perMinute = perMinute;
    }

    boolean admits(HttpServletRequest request) {
        if (sessionless(request)) {
            return true;
        }
        Tracked tracked = buckets.get(ClientAddresses.key(request.getRemoteAddr()));
        return tracked == null || tracked.bucket().getAvailableTokens() > 0;
    }

    void opened(HttpServletRequest request) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        Tracked tracked = buckets.computeIfAbsent(ClientAddresses.key(request.getRemoteAddr()), a -> new Tracked(
                Bucket.builder().addLimit(Bandwidth.builder().capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1)).build()).build(), new long[1]));
        tracked.lastSeen()[0] = System.nanoTime();
        tracked.bucket().tryConsume(1);
    }

    void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", "60");
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(messages.get("security.too-many-requests",
                Messages.supported(request.getLocale())).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sessionless(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/quote/") || path.startsWith("/buyer/") || path.startsWith("/sandbox/")
                || path.startsWith("/stripe/") || path.startsWith("/VAADIN/") || path.startsWith("/styles/")
                || path.startsWith("/actuator/health");
    }

    /** Addresses quiet for ten minutes have a full budget again anyway. */
    @Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
    void forgetQuietAddresses() {
        long cutoff = System.nanoTime() - Duration.ofMinutes(10).toNanos();
        buckets.values().removeIf(tracked -> tracked.lastSeen()[0] < cutoff);
    }
}
