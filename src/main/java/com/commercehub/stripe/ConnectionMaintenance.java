package com.commercehub.stripe;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps the connection current. On start: STRIPE_API_KEY, when set and not the connected key, is connected
 * (one log line says what it replaced), or refused with one log line that leaves payments unavailable; a new
 * installation connects itself to the built-in sandbox (so its events reach this server's webhook), and a sandbox
 * connection is pointed at this server again. A disconnected installation stays disconnected. On a schedule, the
 * account's readiness is re-read (and an STRIPE_API_KEY Stripe could not be reached for is tried again).
 */
@Component
class ConnectionMaintenance {

    private static final Logger log = LoggerFactory.getLogger(ConnectionMaintenance.class);

    private final StripeConnections connections;
    private final LocalServerAddress localServer;
    private volatile boolean environmentKeyUnreachable;

    ConnectionMaintenance(StripeConnections connections, LocalServerAddress localServer) {
        this.connections = connections;
        this.localServer = localServer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkConnectionOnStart() {
        if (!localServer.serverRunning()) {
            return;
        }
        if (connections.environmentKeySet()) {
            connectEnvironmentKey();
            return;
        }
        Optional<ConnectionRow> active = connections.active();
        if (active.isEmpty()) {
            if (connections.neverConnected()) {
                connectSandbox();
            } else {
                log.info("Payments are not connected: buyers cannot pay until an administrator connects a Stripe "
                        + "account or chooses the built-in sandbox in Settings > Payments.");
            }
            return;
        }
        String localWebhook = localServer.baseUrl() + "/stripe/webhook";
        // A sandbox connection whose signing secret this installation cannot read is simply made again.
        ConnectionRow row = active.get();
        if (row.sandbox() && !(localWebhook.equals(row.webhookUrl()) && connections.secretsReadable(row))) {
            connectSandbox();
        }
    }

    private void connectSandbox() {
        try {
            connections.connectSandbox();
        } catch (RuntimeException e) {
            log.warn("Could not connect to the built-in Stripe sandbox: {}", e.getMessage());
        }
    }

    private void connectEnvironmentKey() {
        Optional<ConnectionRow> before = connections.storedActive();
        try {
            environmentKeyUnreachable = false;
            connections.connectEnvironmentKey().ifPresent(connected -> log.warn(adopted(connected)));
        } catch (StripeConnectionException refused) {
            environmentKeyUnreachable = refused.reason() == StripeConnectionException.Reason.UNREACHABLE;
            log.error("STRIPE_API_KEY could not be connected ({}): payments are unavailable.{} Fix the key, or remove "
                            + "STRIPE_API_KEY to use the stored connection again.{}", reason(refused),
                    before.map(row -> " The stored connection (" + describe(row) + ") is not used while STRIPE_API_KEY "
                            + "names another key.").orElse(""),
                    environmentKeyUnreachable ? " It is tried again with each account refresh." : "");
        }
    }

    private static String adopted(StripeConnections.Connected connected) {
        String now = "STRIPE_API_KEY connected: payments now go to " + describe(connected.row()) + " (key "
                + connected.row().apiKeyLast4() + ")";
        if (connected.replaced().isEmpty()) {
            return now + ".";
        }
        return now + "; the previous connection (" + connected.replaced().stream().map(ConnectionMaintenance::describe)
                .reduce((a, b) -> a + ", " + b).orElseThrow() + ") is disconnected and its webhook signing secret "
                + "no longer accepted.";
    }

    private static String describe(ConnectionRow row) {
        return row.mode().label() + " account " + row.accountId();
    }

    private static String reason(StripeConnectionException refused) {
        String reason = refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        Object[] details = refused.details();
        return details.length == 0 ? reason : reason + ": " + details[0];
    }

    /** Public for ShedLock's proxy: with several nodes, one of them asks Stripe per interval. */
    @Scheduled(fixedDelayString = "${hub.stripe.refresh-interval:PT15M}", initialDelayString = "${hub.stripe.refresh-interval:PT15M}")
    @SchedulerLock(name = "stripe-connection-refresh", lockAtMostFor = "PT5M")
    public void refreshAccount() {
        if (environmentKeyUnreachable) {
            connectEnvironmentKey();
        }
        try {
            connections.refresh();
        } catch (RuntimeException e) {
            log.warn("Refreshing the Stripe account failed: {}", e.getMessage());
        }
    }
}
