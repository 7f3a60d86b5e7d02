package com.commercehub.automation;

import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook connection goes only where the guard's own resolution said, so a name that answers a public
 * address when the endpoint is checked and a loopback one when the delivery connects (DNS rebinding) is refused.
 * The names used here exist only in the test's resolver: reaching the receiver at all proves that the
 * connection used it rather than asking the system's DNS again.
 */
class PinnedWebhookConnectionTest {

    private HttpServer receiver;
    private final List<String> received = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            synchronized (received) {
                received.add(exchange.getRequestHeaders().getFirst("Host"));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void the_connection_uses_the_address_the_guard_resolved_and_keeps_the_host_name() throws Exception {
        var guard = new WebhookAddressGuard(host -> {
            if (host.equals("tool.internal.test")) {
                return new InetAddress[]{InetAddress.getByName("127.0.0.1")};
            }
            throw new java.net.UnknownHostException(host);
        });
        try (CloseableHttpClient http = OutboundWebhookSender.client(guard, () -> true, Duration.ofSeconds(5))) {
            int code = http.execute(new HttpPost(url("tool.internal.test")), r -> r.getCode());
            assertThat(code).isEqualTo(204);
        }
        assertThat(received).containsExactly("tool.internal.test:" + receiver.getAddress().getPort());
    }

    @Test
    void a_name_rebinding_to_loopback_after_the_check_is_refused_at_connect() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        var guard = new WebhookAddressGuard(host -> lookups.incrementAndGet() == 1
                ? new InetAddress[]{InetAddress.getByName("203.0.113.7")}
                : new InetAddress[]{InetAddress.getByName("127.0.0.1")});
        URI checked = guard.check(url("rebind.attacker.test").toString(), false);
        assertThat(checked.getHost()).isEqualTo("rebind.attacker.test");

        try (CloseableHttpClient http = OutboundWebhookSender.client(guard, () -> false, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> http.execute(new HttpPost(checked), r -> r.getCode()))
                    .isInstanceOf(OutboundWebhookSender.RefusedHost.class)
                    .hasMessageContaining("127.0.0.1");
        }
        assertThat(lookups).hasValue(2);
        assertThat(received).isEmpty();
    }

    private URI url(String host) {
        return URI.create("http://" + host + ":" + receiver.getAddress().getPort() + "/hook");
    }
}
