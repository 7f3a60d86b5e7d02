package com.commercehub.stripe;

import com.commercehub.testsupport.KeepAliveConnection;
import com.stripe.net.Webhook;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Signed Stripe events for the webhook load harnesses, and the signing secret they need. */
public final class BenchEvents {

    public record Signed(String body, String signature) {
    }

    /** How a batch went: answers with 2xx, and each event's latency as the client saw it (in sending order). */
    public record Sent(int ok, double[] latenciesMillis, long wallNanos) {
    }

    private BenchEvents() {
    }

    /**
     * An event of {@code type} about a paid checkout session numbered {@code n}, signed now with {@code secret}
     * as Stripe signs it (the body is the exact bytes to send).
     */
    public static Signed signed(String id, String type, int n, long created, String secret) {
        String body = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + created + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type + "\",\"data\":{\"object\":"
                + "{\"id\":\"cs_bench_" + n + "\",\"object\":\"checkout.session\",\"amount_total\":2500,\"currency\":\"eur\","
                + "\"payment_status\":\"paid\",\"metadata\":{\"quote\":\"" + n + "\"}}},\"request\":{\"id\":null,"
                + "\"idempotency_key\":null}}";
        try {
            return new Signed(body, Webhook.Signature.generateSignatureHeader(body, secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with HMAC-SHA256 failed", e);
        }
    }

    /** The signing secret of the connected account, as the webhook endpoint of {@code context} checks it. */
    public static String webhookSecret(ApplicationContext context) {
        return context.getBean(StripeConnections.class).webhookSecret()
                .orElseThrow(() -> new IllegalStateException("no connected account with a webhook secret"));
    }

    /**
     * POSTs every event to {@code /stripe/webhook} over {@code connections} keep-alive connections (a virtual thread
     * each, one request at a time per connection, the next event taken from a shared counter); returns when all
     * are answered.
     */
    public static Sent send(int port, int connections, Signed[] events) throws InterruptedException {
        double[] latencies = new double[events.length];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                clients.submit(() -> {
                    KeepAliveConnection connection = new KeepAliveConnection(port);
                    try {
                        for (int i = next.getAndIncrement(); i < events.length; i = next.getAndIncrement()) {
                            long sent = System.nanoTime();
                            int status;
                            try {
                                status = connection.post("/stripe/webhook", events[i].signature(), events[i].body());
                            } catch (IOException stale) {
                                // The server may close an idle keep-alive connection: once more on a fresh one.
                                connection.close();
                                status = connection.post("/stripe/webhook", events[i].signature(), events[i].body());
                            }
                            if (status / 100 == 2) {
                                ok.incrementAndGet();
                            }
                            latencies[i] = (System.nanoTime() - sent) / 1e6;
                        }
                    } finally {
                        connection.close();
                    }
                    return null;
                });
            }
            clients.shutdown();
            if (!clients.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("events still unanswered after 10 minutes");
            }
        }
        return new Sent(ok.get(), latencies, System.nanoTime() - start);
    }
}
