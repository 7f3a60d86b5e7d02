package com.commercehub.buyer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing buyer links (docs/RELIABILITY.md, "Hostile input"): 10,000 random tokens of the real format over every
 * buyer page that takes one find nothing — each is a plain 404, none a page, none an error. (The test profile's rate
 * limit is far above this; {@link BuyerRateLimitIT} floods a low one.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BuyerTokenGuessingIT {

    private static final List<String> PAGES = List.of("/quote/%s", "/quote/%s/pdf", "/quote/%s/paid", "/pay/%s",
            "/invoice/%s", "/invoice/%s/pdf");

    @LocalServerPort
    int port;

    /** {@code count} random 256-bit tokens spread over the buyer pages by 4 clients; the answers by status. */
    static Map<Integer, Integer> guess(BuyerPages buyer, int count) throws Exception {
        SecureRandom random = new SecureRandom();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                String path = PAGES.get(i % PAGES.size())
                        .formatted(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                answers.add(clients.submit(() -> buyer.get(path).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                byStatus.merge(answer.get(), 1, Integer::sum);
            }
        }
        return byStatus;
    }

    @Test
    void ten_thousand_random_tokens_are_all_not_found() throws Exception {
        long started = System.nanoTime();
        Map<Integer, Integer> answers = guess(new BuyerPages(port), 10_000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answers).isEqualTo(Map.of(404, 10_000));
        System.out.printf("[hostile] 10000 random tokens in %d ms: %s%n", took.toMillis(), answers);
    }
}
