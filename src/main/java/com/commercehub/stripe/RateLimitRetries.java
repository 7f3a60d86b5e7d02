package com.commercehub.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * stripe-java's HTTP client plus retries of 429. stripe-java itself retries connection errors and read timeouts,
 * 409 and 5xx (0.5 s doubling, capped at 5 s), but a 429 only when Stripe adds {@code Stripe-Should-Retry: true};
 * a rate limit is exactly what waiting a little cures. The retry sends the very same request — the same
 * Idempotency-Key — after an exponential, jittered pause (or Stripe's {@code Retry-After}, capped), a bounded
 * number of times; the last 429 then reaches the caller as stripe-java's {@code RateLimitException}.
 */
final class RateLimitRetries extends HttpURLConnectionClient {

    private static final Logger log = LoggerFactory.getLogger(RateLimitRetries.class);
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final int retries;
    private final Duration firstPause;

    RateLimitRetries(int retries, Duration firstPause) {
        this.retries = Math.max(0, retries);
        this.firstPause = firstPause;
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        for (int retry = 0; ; retry++) {
            StripeResponse response = super.request(request);
            if (response.code() != 429 || retry >= retries) {
                return response;
            }
            Duration pause = pause(retry, response.headers().firstValue("Retry-After").orElse(null));
            log.info("Stripe answered 429 to {} {} (Idempotency-Key {}); retry {} of {} in {} ms", request.method(),
                    request.url().getPath(), request.headers().firstValue("Idempotency-Key").orElse("-"), retry + 1,
                    retries, pause.toMillis());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    /** The pause before retry {@code retry + 1}: Stripe's Retry-After when it sent one, else doubling from the first. */
    Duration pause(int retry, String retryAfter) {
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : asked;
            } catch (NumberFormatException dateForm) {
                // An HTTP date instead of seconds: fall back to our own backoff.
            }
        }
        long base = firstPause.toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, MAX_PAUSE.toMillis());
        // 75-100 % of the step, so clients limited together do not come back together.
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.75, 1.0)));
    }
}
