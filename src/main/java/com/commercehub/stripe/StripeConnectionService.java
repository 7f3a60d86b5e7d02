package com.commercehub.stripe;

import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

import java.util.List;

/** ADMIN: connect, inspect and disconnect the business's Stripe account. */
@Service
public class StripeConnectionService {

    private final StripeConnections connections;

    StripeConnectionService(StripeConnections connections) {
        this.connections = connections;
    }

    /** The connection as it stands (status, account, masked secrets, webhook URL). */
    @Secured(Role.Authority.ADMIN)
    public StripeConnectionInfo current() {
        return connections.info();
    }

    /**
     * The connected account's business name, as Stripe shows it to buyers at checkout: public, so
     * buyer pages may name the seller with it before branding settings exist.
     */
    public java.util.Optional<String> businessName() {
        return java.util.Optional.ofNullable(connections.info().accountName()).filter(name -> !name.isBlank());
    }

    /**
     * Verifies the key with Stripe, checks the account is in the confirmed country, creates the webhook
     * endpoint when the key may, and stores key and signing secret encrypted. Nothing is stored on failure.
     *
     * @throws StripeConnectionException with the reason to show next to the key field
     */
    @Secured(Role.Authority.ADMIN)
    public StripeConnectionInfo connect(String country, boolean termsAccepted, String apiKey, String adminEmail) {
        return connections.connect(country, termsAccepted, apiKey, adminEmail);
    }

    /** Stores the signing secret the admin copied from Stripe's Dashboard (when the endpoint was made there). */
    @Secured(Role.Authority.ADMIN)
    public StripeConnectionInfo saveWebhookSecret(String secret) {
        connections.saveWebhookSecret(secret);
        return connections.info();
    }

    /**
     * Ends the connection; what was made through the account keeps its account id. The app is then not connected
     * (buyers cannot pay) until an admin connects an account or chooses the sandbox: it never falls back by itself.
     */
    @Secured(Role.Authority.ADMIN)
    public StripeConnectionInfo disconnect() {
        connections.disconnect();
        return connections.info();
    }

    /**
     * Connects the built-in sandbox, as the admin's explicit choice: refused while a Stripe account is connected
     * (disconnect it first) and while STRIPE_API_KEY is set.
     */
    @Secured(Role.Authority.ADMIN)
    public StripeConnectionInfo useSandbox() {
        return connections.connectSandbox();
    }

    /** Reads the account's readiness from Stripe now. */
    @Secured(Role.Authority.ADMIN)
    public StripeConnectionInfo refresh() {
        connections.refresh();
        return connections.info();
    }

    /** Currencies the connected account can charge (from Stripe's country specs, cached with the connection). */
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<String> chargeableCurrencies() {
        return connections.info().supportedCurrencies();
    }

    /** Whether quotes may collect payment now. */
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public boolean readyToTransact() {
        StripeConnectionInfo info = connections.info();
        return info.status() == StripeStatus.READY && info.secretsReadable();
    }
}
