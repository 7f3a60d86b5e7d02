package com.commercehub.sandbox;

import com.commercehub.base.web.PublicAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The addresses the sandbox writes into URLs (checkout, portal, invoice, receipt pages): the configured public
 * URL, else this server's local address. Never a request's {@code Host} header, which the caller chooses.
 */
@Component
class SandboxOrigin {

    private final Environment environment;
    private final String publicUrl;
    private volatile int port = -1;

    SandboxOrigin(Environment environment, PublicAddress publicAddress) {
        this.environment = environment;
        this.publicUrl = publicAddress.url().orElse("");
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        if (namespace == null || namespace.isEmpty()) {
            port = event.getWebServer().getPort();
        }
    }

    /** Where buyers reach the hosted pages: {@code hub.public-url}, else {@link #local()}. */
    String forBuyers() {
        return publicUrl.isEmpty() ? local() : publicUrl;
    }

    /** http://localhost:port[/context] — this server as seen from itself (its API answers only there). */
    String local() {
        int actual = port > 0 ? port : environment.getProperty("server.port", Integer.class, 8080);
        return "http://localhost:" + actual + environment.getProperty("server.servlet.context-path", "");
    }
}
