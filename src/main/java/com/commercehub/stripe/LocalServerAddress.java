package com.commercehub.stripe;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The address of this very server, where the built-in sandbox answers under {@code /sandbox/stripe}. */
@Component
class LocalServerAddress {

    static final String SANDBOX_PATH = "/sandbox/stripe";

    private final Environment environment;
    private volatile int port = -1;

    LocalServerAddress(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    String sandboxApiBase() {
        return baseUrl() + SANDBOX_PATH;
    }

    /** http://127.0.0.1:port[/context] — this server as seen from itself. */
    String baseUrl() {
        int actual = port > 0 ? port : environment.getProperty("server.port", Integer.class, 8080);
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return "http://127.0.0.1:" + actual + contextPath;
    }

    boolean serverRunning() {
        return port > 0;
    }
}
