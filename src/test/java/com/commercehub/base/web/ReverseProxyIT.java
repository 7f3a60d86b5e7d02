package com.commercehub.base.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarded headers count only from the configured proxies; an https public address makes cookies Secure and adds
 * HSTS. The test calls from 127.0.0.1, which is a trusted proxy in one app and a plain client in the other.
 */
class ReverseProxyIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String[] FORWARDED = {"X-Forwarded-For", "203.0.113.9", "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "hub.example.test"};

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"hub.proxy.trusted=10.9.0.0/16, 127.0.0.1", "hub.public-url=https://hub.example.test"})
    @ActiveProfiles("test")
    @Import(ClientEcho.class)
    class BehindATrustedProxy {

        @LocalServerPort
        int port;

        @Test
        void the_proxy_tells_the_client_address_and_scheme() throws Exception {
            assertThat(get(port, "/test/client", FORWARDED).body())
                    .isEqualTo("203.0.113.9 https true hub.example.test");
        }

        @Test
        void a_client_posing_as_a_trusted_proxy_behind_the_real_one_is_not_believed() throws Exception {
            // The real proxy appends the caller's address; addresses left of the last untrusted one are ignored.
            assertThat(get(port, "/test/client", "X-Forwarded-For", "127.0.0.1, 203.0.113.9").body())
                    .startsWith("203.0.113.9 ");
        }

        @Test
        void cookies_are_secure_and_browsers_are_told_to_keep_to_https() throws Exception {
            // Even when the proxy forwards plain http, the public address says the app lives behind TLS.
            HttpResponse<String> login = get(port, "/login");
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).contains("JSESSIONID").containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
            assertThat(login.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age=31536000"));
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("test")
    @Import(ClientEcho.class)
    class WithNoProxyConfigured {

        @LocalServerPort
        int port;

        @Test
        void forwarded_headers_are_ignored_even_from_loopback() throws Exception {
            assertThat(get(port, "/test/client", FORWARDED).body()).isEqualTo("127.0.0.1 http false localhost");
        }

        @Test
        void plain_http_gets_no_hsts_and_no_secure_cookie() throws Exception {
            HttpResponse<String> login = get(port, "/login");
            assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).doesNotContainIgnoringCase("secure"));
        }
    }
}
