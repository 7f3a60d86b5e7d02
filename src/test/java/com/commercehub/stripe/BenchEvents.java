package com.commercehub.stripe;

import com.stripe.net.Webhook;
import org.springframework.context.ApplicationContext;

import java.security.GeneralSecurityException;

/** Signed Stripe events for the webhook load harnesses, and the signing secret they need. */
public final class BenchEvents {

    public record Signed(String body, String signature) {
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
}
