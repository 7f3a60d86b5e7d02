package com.commercehub.base.security;

import com.commercehub.base.web.PublicAddress;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints the one-time setup link once the server listens. It goes to standard output rather than
 * the log so that log files never hold it.
 */
@Component
class FirstRunAnnouncer {

    private final FirstRunSetup setup;
    private final Environment environment;
    private final String publicUrl;

    FirstRunAnnouncer(FirstRunSetup setup, Environment environment, PublicAddress publicAddress) {
        this.setup = setup;
        this.environment = environment;
        this.publicUrl = publicAddress.url().orElse("");
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        setup.prepare().ifPresent(token -> {
            String base = publicUrl.isEmpty()
                    ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                    : publicUrl;
            System.out.println("""

                    ==================================================================
                     Commerce Hub has no users yet. Open this link to create the
                     first administrator (it works once, for 24 hours; every restart
                     prints a new one):

                       %s/setup/%s
                    ==================================================================
                    """.formatted(base, token));
        });
    }
}
