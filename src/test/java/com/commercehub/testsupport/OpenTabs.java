package com.commercehub.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Browser tabs held open (heartbeats) and closed (no more heartbeats) for the Vaadin benchmarks. */
public final class OpenTabs {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private OpenTabs() {
    }

    /**
     * Heartbeats every {@code seconds} for each tab in the list (as it is at each beat), each on a virtual thread of
     * its own, as every open browser tab has its own timer: a heartbeat waiting for its session's lock does not delay
     * the others. A failed beat is reported and the others go on. Shut the executor down to stop.
     */
    public static ScheduledExecutorService keepAlive(List<VaadinUiSession> tabs, int seconds) {
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> tabs.forEach(tab -> Thread.ofVirtual().start(() -> {
            try {
                tab.heartbeat();
            } catch (Exception e) {
                System.err.println("heartbeat of UI " + tab.uiId() + " failed: " + e);
            }
        })), seconds, seconds, TimeUnit.SECONDS);
        return heartbeats;
    }

    /**
     * Heartbeats every {@code seconds} for each tab in the list, one tab after the other on one thread: the requests
     * share one connection, as behind a reverse proxy, so the server holds no buffers per tab for connections that
     * a burst of concurrent beats would open (and its connector would keep pooled). For the memory benchmark, where
     * nothing contends for a session's lock. Shut the executor down to stop.
     */
    public static ScheduledExecutorService keepAliveInTurn(List<VaadinUiSession> tabs, int seconds) {
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        heartbeats.scheduleAtFixedRate(() -> tabs.forEach(tab -> {
            try {
                tab.heartbeat();
            } catch (Exception e) {
                System.err.println("heartbeat of UI " + tab.uiId() + " failed: " + e);
            }
        }), seconds, seconds, TimeUnit.SECONDS);
        return heartbeats;
    }

    /**
     * For tabs that stopped heartbeating: waits past Vaadin's heartbeat timeout (3.1 intervals), then lets each of
     * their sessions make one request (a page of the app, no new UI), at which Vaadin closes and drops the stale UIs.
     * Answers the time since the call.
     */
    public static Duration awaitRelease(Collection<VaadinUiSession> closed, int heartbeatSeconds, String baseUrl)
            throws Exception {
        Instant start = Instant.now();
        Thread.sleep(Math.round(heartbeatSeconds * 3.1 * 1000) + 2_000);
        for (VaadinUiSession tab : closed) {
            HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/hello")).header("Cookie", tab.session().cookie())
                    .build(), HttpResponse.BodyHandlers.discarding());
        }
        return Duration.between(start, Instant.now());
    }
}
