package com.commercehub.base.security;

import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client hammering the login page without keeping cookies (as wrk does) opens a session per request;
 * they must be gone once the anonymous lifetime (three seconds here, two minutes by default) has passed,
 * not held for the 30-minute staff timeout.
 */
class AnonymousSessionFloodIT extends HttpSecurityTest {

    private static final int REQUESTS = 20_000;
    private static final int CONNECTIONS = 16;

    @LocalServerPort
    int port;
    @Autowired
    ServletWebServerApplicationContext context;

    private Manager sessions() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        return ((Context) tomcat.getHost().findChildren()[0]).getManager();
    }

    @Test
    void twenty_thousand_anonymous_login_page_views_leave_no_sessions_behind() throws Exception {
        int before = sessions().getActiveSessions();
        long createdBefore = sessions().getSessionCounter();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI login = URI.create("http://localhost:" + port + "/login");
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                running.add(clients.submit(() -> {
                    while (next.getAndIncrement() < REQUESTS) {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(login).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        assertThat(ok.get()).isEqualTo(REQUESTS);
        // Each view opened a session (and a Vaadin session in it): the test measures what it means to.
        assertThat(sessions().getSessionCounter() - createdBefore).isGreaterThanOrEqualTo(REQUESTS);

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sessions().getActiveSessions() > before + 20 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(sessions().getActiveSessions()).isLessThanOrEqualTo(before + 20);
    }
}
