package com.commercehub.buyer;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** One address asking for buyer pages too fast is told to slow down (429), with a plain message. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.buyer.requests-per-minute=5")
@ActiveProfiles("test")
class BuyerRateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void the_sixth_request_within_a_minute_is_refused_with_429() throws Exception {
        BuyerPages buyer = new BuyerPages(port);
        for (int i = 0; i < 5; i++) {
            assertThat(buyer.get("/quote/" + "B".repeat(43)).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> refused = buyer.get("/quote/" + "B".repeat(43));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("60");
        assertThat(refused.body()).contains("Please wait a minute and try again.");
    }
}
