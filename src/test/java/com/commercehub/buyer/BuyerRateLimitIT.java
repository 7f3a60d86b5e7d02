package com.commercehub.buyer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One address asking for buyer pages too fast is told to slow down (429, with a plain message) by
 * {@link BuyerPageGuard}; a flood of guessed tokens then gets 429 for all but the few the bucket refills.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.buyer.requests-per-minute=" + BuyerRateLimitIT.PER_MINUTE)
@ActiveProfiles("test")
class BuyerRateLimitIT {

    static final int PER_MINUTE = 5;

    @LocalServerPort
    int port;

    @Test
    void the_sixth_request_within_a_minute_is_refused_with_429_and_so_is_a_flood_of_guessed_tokens() throws Exception {
        BuyerPages buyer = new BuyerPages(port);
        for (int i = 0; i < PER_MINUTE; i++) {
            assertThat(buyer.get("/quote/" + "B".repeat(43)).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> refused = buyer.get("/quote/" + "B".repeat(43));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        assertThat(refused.body()).contains("Please wait a minute and try again.");

        long started = System.nanoTime();
        Map<Integer, Integer> answers = BuyerTokenGuessingIT.guess(buyer, 10_000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        // The bucket refills one request every 60 s / PER_MINUTE: only those few reach a page (and find none).
        long refilled = took.toSeconds() * PER_MINUTE / 60 + 2;
        assertThat(answers.keySet()).isSubsetOf(404, 429);
        assertThat(answers.getOrDefault(404, 0)).isLessThanOrEqualTo((int) refilled);
        assertThat(answers.get(429)).isGreaterThanOrEqualTo(10_000 - (int) refilled);
        System.out.printf("[hostile] 10000 guessed tokens at %d/min in %d ms: %s%n", PER_MINUTE, took.toMillis(), answers);
    }
}
