package com.commercehub.stripe;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the connection current: on start, a sandbox install connects itself to the built-in sandbox
 * (so its events reach this server's webhook); on a schedule, the account's readiness is re-read.
 */
@Component
class ConnectionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ConnectionMaintenance.class);

    private final StripeConnections connections;
    private final LocalServerAddress localServer;

    ConnectionMaintenance(StripeConnections connections, LocalServerAddress localServer) {
        this.connections = connections;
        this.localServer = localServer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void connectSandboxWhenNoKey() {
        if (!localServer.serverRunning() || !connections.sandbox()) {
            return;
        }
        String localWebhook = localServer.baseUrl() + "/stripe/webhook";
        // A sandbox connection whose signing secret this installation cannot read is simply made again.
        boolean current = connections.active()
                .filter(c -> !c.sandbox() || localWebhook.equals(c.webhookUrl()) && connections.secretsReadable(c))
                .isPresent();
        if (current) {
            return;
        }
        try {
            connections.connectSandbox();
        } catch (RuntimeException e) {
            log.warn("Could not connect to the built-in Stripe sandbox: {}", e.getMessage());
        }
    }

    /** Public for ShedLock's proxy: with several nodes, one of them asks Stripe per interval. */
    @Scheduled(fixedDelayString = "${hub.stripe.refresh-interval:PT15M}", initialDelayString = "${hub.stripe.refresh-interval:PT15M}")
    @SchedulerLock(name = "stripe-connection-refresh", lockAtMostFor = "PT5M")
    public void refreshAccount() {
        try {
            connections.refresh();
        } catch (RuntimeException e) {
            log.warn("Refreshing the Stripe account failed: {}", e.getMessage());
        }
    }
}
