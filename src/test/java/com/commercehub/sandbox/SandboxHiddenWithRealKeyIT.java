package com.commercehub.sandbox;

import org.springframework.beans.factory.annotation.Autowired;
import com.commercehub.base.payments.SandboxApiKey;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** With a real Stripe key in use, the sandbox does not exist: every one of its routes is a 404. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hub.stripe.api-key=rk_live_fake_real_key_1234")
@ActiveProfiles("test")
class SandboxHiddenWithRealKeyIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;

    private int status(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + sandboxKey.secretKey())
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void sandbox_routes_answer_404() throws Exception {
        assertThat(status("GET", "/sandbox/stripe/v1/account")).isEqualTo(404);
        assertThat(status("POST", "/sandbox/stripe/v1/customers")).isEqualTo(404);
        assertThat(status("GET", "/sandbox/stripe/v1/no_such_thing")).isEqualTo(404);
        assertThat(status("GET", "/sandbox/checkout/cs_test_anything")).isEqualTo(404);
        assertThat(status("POST", "/sandbox/authenticate/pi_anything")).isEqualTo(404);
    }
}
