package com.commercehub.checkout;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A buyer's way through checkout over real HTTP, and waiting for the webhooks it causes to be handled. */
final class PaymentFlow {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final JdbcClient jdbc;
    private final int port;

    PaymentFlow(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    String url(String path) {
        return path.startsWith("http") ? path : "http://127.0.0.1:" + port + path;
    }

    /** *Check out* on the buyer page: the hosted checkout page it redirects to (on this server, by path). */
    String checkOut(CheckoutTestQuotes.Published quote) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/quote/" + quote.token() + "/checkout")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/sandbox/checkout/cs_");
        return url(location);
    }

    HttpResponse<String> get(String address) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(address))).header("User-Agent", "Mozilla/5.0 Chrome/140")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String address, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(address)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until every event the sandbox sent to this server's endpoint has arrived and been handled, at
     * most 60 s. (Other test contexts share the database and may leave their own deliveries behind.)
     */
    void eventsProcessed() throws InterruptedException {
        String endpoint = """
                (SELECT webhook_endpoint_id FROM stripe_connection WHERE disconnected_at IS NULL ORDER BY id DESC LIMIT 1)""";
        // A delivery that times out (10 s) on a loaded machine is retried after its backoff: give it room for that.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            long sent = undelivered(endpoint);
            long pending = jdbc.sql("""
                            SELECT COUNT(*) FROM stripe_event e JOIN sandbox_delivery d ON d.event_id = e.id
                            WHERE e.state = 'PENDING' AND d.endpoint_id = """ + endpoint).query(Long.class).single();
            if (sent == 0 && pending == 0) {
                return;
            }
            Thread.sleep(100);
        }
        // Say which events were left and why, so that a failure on CI can be understood from its report alone.
        List<String> left = jdbc.sql("""
                        SELECT CONCAT(e.id, ' ', e.type, ' tries=', e.attempts, ' next=', COALESCE(e.next_attempt_at, '-'),
                            ' error=', COALESCE(e.last_error, '-'))
                        FROM stripe_event e JOIN sandbox_delivery d ON d.event_id = e.id
                        WHERE e.state = 'PENDING' AND d.endpoint_id = """ + endpoint).query(String.class).list();
        throw new AssertionError("Stripe events still pending after 60 s: " + undelivered(endpoint)
                + " not delivered; pending " + left);
    }

    /** Deliveries the sandbox has not yet made to the endpoint. */
    private long undelivered(String endpoint) {
        return jdbc.sql("SELECT COUNT(*) FROM sandbox_delivery WHERE delivered_at IS NULL AND endpoint_id = " + endpoint)
                .query(Long.class).single();
    }
}
