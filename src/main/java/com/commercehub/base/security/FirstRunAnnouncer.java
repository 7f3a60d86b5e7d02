package com.commercehub.base.security;

import org.springframework.beans.factory.annotation.Value;
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

    FirstRunAnnouncer(FirstRunSetup setup, Environment environment, @Value("${hub.public-url:}") String publicUrl) {
        this.setup = setup;
        this.environment = environment;
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        setup.prepare().ifPresent(token -> {
            String base = publicUrl.isBlank()
                    ? "http://localhost:" + environment.getProperty("local.server.port", "8080")
                    : publicUrl.replaceAll("/+$", "");
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
