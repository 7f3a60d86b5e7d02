package com.commercehub.stripe;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.SecretDecryptionException;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.CountrySpec;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.ApiResource;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointCreateParams.EnabledEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection to the business's Stripe account (or to the built-in sandbox): verifying a key,
 * creating the webhook endpoint, keeping the account's readiness, and handing out the client for it.
 * Stripe is called outside database transactions; only the final write is transactional.
 * <p>
 * The active row alone says where payments go ({@link ProcessorMode}); nothing falls back to the sandbox or to
 * STRIPE_API_KEY. When STRIPE_API_KEY is set, a row for another key (or for the sandbox) is not used at all:
 * the app is then not connected until that key is connected ({@link #connectEnvironmentKey()}).
 */
@Component
class StripeConnections {

    static final String KEY_PURPOSE = "stripe.api-key";
    static final String WEBHOOK_PURPOSE = "stripe.webhook-secret";
    static final List<EnabledEvent> EVENTS = List.of(
            EnabledEvent.CHECKOUT__SESSION__COMPLETED, EnabledEvent.CHECKOUT__SESSION__ASYNC_PAYMENT_SUCCEEDED,
            EnabledEvent.CHECKOUT__SESSION__ASYNC_PAYMENT_FAILED, EnabledEvent.CHECKOUT__SESSION__EXPIRED,
            EnabledEvent.PAYMENT_INTENT__SUCCEEDED, EnabledEvent.PAYMENT_INTENT__PAYMENT_FAILED,
            EnabledEvent.CHARGE__SUCCEEDED, EnabledEvent.CHARGE__REFUNDED, EnabledEvent.CHARGE__REFUND__UPDATED,
            EnabledEvent.CHARGE__DISPUTE__CREATED, EnabledEvent.CHARGE__DISPUTE__CLOSED,
            EnabledEvent.INVOICE__PAID, EnabledEvent.INVOICE__PAYMENT_FAILED,
            EnabledEvent.CUSTOMER__SUBSCRIPTION__CREATED, EnabledEvent.CUSTOMER__SUBSCRIPTION__UPDATED,
            EnabledEvent.CUSTOMER__SUBSCRIPTION__DELETED, EnabledEvent.ACCOUNT__UPDATED);
    private static final Pattern KEY = Pattern.compile("(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}");
    static final String ENVIRONMENT = "STRIPE_API_KEY";
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=_]{8,}");
    private static final Logger log = LoggerFactory.getLogger(StripeConnections.class);

    private final ConnectionStore store;
    private final StripeClientFactory factory;
    private final StripeProperties properties;
    private final SecretCipher cipher;
    private final LocalServerAddress localServer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String publicUrl;
    private volatile String[] lastWebhookSecret;
    /** Ciphertext of the last stored key found to be STRIPE_API_KEY's, so the check decrypts once per row. */
    private volatile String environmentKeyCiphertext;
    /** While this node connects the sandbox, the sandbox answers it (it is otherwise closed when not connected). */
    private final AtomicInteger connectingSandbox = new AtomicInteger();

    StripeConnections(ConnectionStore store, StripeClientFactory factory, StripeProperties properties,
                      SecretCipher cipher, LocalServerAddress localServer, TransactionTemplate transactions,
                      Clock clock, PublicAddress publicAddress) {
        this.store = store;
        this.factory = factory;
        this.properties = properties;
        this.cipher = cipher;
        this.localServer = localServer;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicAddress.url().orElse("");
    }

    /**
     * The connection payments use: the active row, read from the database each time (one indexed row) so that
     * every node sees a (dis)connect at once; empty when STRIPE_API_KEY is set and the row is for another key.
     */
    Optional<ConnectionRow> active() {
        return store.active().filter(row -> usable(row.sandbox(), row.apiKeyEnc()));
    }

    private boolean usable(boolean sandbox, String apiKeyEnc) {
        return !properties.hasEnvironmentKey() || !sandbox && isEnvironmentKey(apiKeyEnc);
    }

    private boolean isEnvironmentKey(String apiKeyEnc) {
        if (apiKeyEnc == null) {
            return false;
        }
        if (apiKeyEnc.equals(environmentKeyCiphertext)) {
            return true;
        }
        try {
            boolean same = properties.apiKey().trim().equals(cipher.decrypt(KEY_PURPOSE, apiKeyEnc));
            if (same) {
                environmentKeyCiphertext = apiKeyEnc;
            }
            return same;
        } catch (SecretDecryptionException unreadable) {
            return false;
        }
    }

    ProcessorMode mode() {
        return active().map(ConnectionRow::mode).orElse(ProcessorMode.NOT_CONNECTED);
    }

    /**
     * True while the built-in sandbox is the processor (its API and pages answer, the shell says no real money
     * moves): the sandbox is connected, STRIPE_API_BASE=sandbox sends every key to it, or the installation is new
     * and has never connected anything (it then connects the sandbox on start). A disconnected install is not.
     */
    boolean sandbox() {
        if (properties.forcedSandbox() || connectingSandbox.get() > 0) {
            return true;
        }
        Optional<ConnectionRow> connection = active();
        if (connection.isPresent()) {
            return connection.get().sandbox();
        }
        return !properties.hasEnvironmentKey() && neverConnected();
    }

    boolean neverConnected() {
        return !store.anyConnectionEver();
    }

    boolean environmentKeySet() {
        return properties.hasEnvironmentKey();
    }

    /** The stored active row even when STRIPE_API_KEY keeps it from being used (for start-up's log line). */
    Optional<ConnectionRow> storedActive() {
        return store.active();
    }

    /** The client for the usable connection (the sandbox's key for the sandbox connection); callers check one exists. */
    StripeClient client() {
        return active().filter(c -> !c.sandbox())
                .map(c -> factory.forKey(apiKey(c)))
                .orElseGet(factory::client);
    }

    private String apiKey(ConnectionRow row) {
        try {
            return cipher.decrypt(KEY_PURPOSE, row.apiKeyEnc());
        } catch (SecretDecryptionException e) {
            throw new StripeConnectionException(StripeConnectionException.Reason.SECRETS_UNREADABLE);
        }
    }

    /** The exact URL Stripe must send events to. */
    String webhookUrl() {
        String base = publicUrl.isEmpty() ? localServer.baseUrl() : publicUrl;
        return base + "/stripe/webhook";
    }

    Optional<String> webhookSecret() {
        return webhookSigning().map(WebhookSigning::secret);
    }

    /**
     * The account and signing secret incoming events are verified against; empty when nothing is connected
     * or no secret is stored.
     *
     * @throws SecretDecryptionException when the stored secret cannot be read with this installation's key
     */
    Optional<WebhookSigning> webhookSigning() {
        Optional<ConnectionStore.SigningRow> row = store.signing()
                .filter(signing -> usable(signing.sandbox(), signing.apiKeyEnc()));
        if (row.isEmpty() || row.get().webhookSecretEnc() == null) {
            return Optional.empty();
        }
        return Optional.of(new WebhookSigning(row.get().accountId(), decryptWebhookSecret(row.get().webhookSecretEnc())));
    }

    /** One decryption per stored value, not per delivery: the same ciphertext always gives the same secret. */
    private String decryptWebhookSecret(String encrypted) {
        String[] last = lastWebhookSecret;
        if (last != null && last[0].equals(encrypted)) {
            return last[1];
        }
        String secret = cipher.decrypt(WEBHOOK_PURPOSE, encrypted);
        lastWebhookSecret = new String[]{encrypted, secret};
        return secret;
    }

    record WebhookSigning(String accountId, String secret) {
    }

    /** False when a stored key or signing secret cannot be decrypted (the key file was lost or replaced). */
    boolean secretsReadable(ConnectionRow row) {
        return readable(KEY_PURPOSE, row.apiKeyEnc()) && readable(WEBHOOK_PURPOSE, row.webhookSecretEnc());
    }

    private boolean readable(String purpose, String encrypted) {
        if (encrypted == null) {
            return true;
        }
        try {
            cipher.decrypt(purpose, encrypted);
            return true;
        } catch (SecretDecryptionException e) {
            return false;
        }
    }

    StripeConnectionInfo info() {
        Optional<ConnectionRow> connection = active();
        if (connection.isEmpty()) {
            return StripeConnectionInfo.disconnected(webhookUrl(), properties.hasEnvironmentKey());
        }
        ConnectionRow row = connection.get();
        Account account = ApiResource.GSON.fromJson(row.accountJson(), Account.class);
        return new StripeConnectionInfo(StripeStatus.of(account), row.sandbox(), row.accountId(), row.accountName(),
                row.country(), row.defaultCurrency(), Boolean.TRUE.equals(account.getChargesEnabled()),
                Boolean.TRUE.equals(account.getPayoutsEnabled()), StripeStatus.requirements(account),
                row.apiKeyLast4(), row.webhookUrl(), row.webhookEndpointId() != null, webhookSecretLast4(row),
                currencies(row), row.connectedAt(), row.connectedBy(), secretsReadable(row), row.mode(),
                properties.hasEnvironmentKey());
    }

    private String webhookSecretLast4(ConnectionRow row) {
        if (row.webhookSecretEnc() == null || !readable(WEBHOOK_PURPOSE, row.webhookSecretEnc())) {
            return null;
        }
        return SecretCipher.lastFour(cipher.decrypt(WEBHOOK_PURPOSE, row.webhookSecretEnc()));
    }

    private static List<String> currencies(ConnectionRow row) {
        if (row.supportedCurrencies() == null || row.supportedCurrencies().isBlank()) {
            return List.of();
        }
        return Arrays.stream(row.supportedCurrencies().split(",")).map(c -> c.toUpperCase(Locale.ROOT)).toList();
    }

    /** Verifies the key with GET /v1/account, creates the webhook endpoint if the key may, and stores it all. */
    StripeConnectionInfo connect(String country, boolean termsAccepted, String apiKey, String connectedBy) {
        if (!termsAccepted) {
            throw new StripeConnectionException(StripeConnectionException.Reason.TERMS_NOT_ACCEPTED);
        }
        String key = apiKey == null ? "" : apiKey.trim();
        if (properties.hasEnvironmentKey() && !key.equals(properties.apiKey().trim())) {
            // Another key here would be replaced by STRIPE_API_KEY at the next start: the environment decides.
            throw new StripeConnectionException(StripeConnectionException.Reason.ENVIRONMENT_KEY);
        }
        return connectKey(country, key, connectedBy).info();
    }

    private Connected connectKey(String country, String key, String connectedBy) {
        Matcher prefix = KEY.matcher(key);
        if (!prefix.matches()) {
            throw new StripeConnectionException(StripeConnectionException.Reason.KEY_MALFORMED);
        }
        StripeClient client = factory.forKey(key);
        Account account = retrieveAccount(client);
        if (country != null && !country.equalsIgnoreCase(account.getCountry())) {
            throw new StripeConnectionException(StripeConnectionException.Reason.COUNTRY_MISMATCH, account.getCountry());
        }
        return store(client, account, key, "live".equals(prefix.group(2)), connectedBy);
    }

    /** What one connect did: the row it made active and the rows it ended. */
    record Connected(ConnectionRow row, List<ConnectionRow> replaced, StripeConnectionInfo info) {
    }

    /**
     * Connects STRIPE_API_KEY when it is not the connected key (the sandbox, another key, or nothing), ending
     * the stored connection only once the new one is verified and stored. Empty when it already is connected.
     *
     * @throws StripeConnectionException when Stripe refuses the key or cannot be reached: nothing is changed
     */
    Optional<Connected> connectEnvironmentKey() {
        if (!properties.hasEnvironmentKey() || active().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(connectKey(null, properties.apiKey().trim(), ENVIRONMENT));
    }

    /**
     * Connects the built-in sandbox: on a new installation's first start, when the sandbox connection must point
     * at this server again, or as an admin's explicit choice. Never over a Stripe account or STRIPE_API_KEY.
     */
    StripeConnectionInfo connectSandbox() {
        if (properties.hasEnvironmentKey()) {
            throw new StripeConnectionException(StripeConnectionException.Reason.ENVIRONMENT_KEY);
        }
        if (active().filter(row -> !row.sandbox()).isPresent()) {
            throw new StripeConnectionException(StripeConnectionException.Reason.STRIPE_CONNECTED);
        }
        connectingSandbox.incrementAndGet();
        try {
            StripeClient client = factory.client();
            Account account = retrieveAccount(client);
            return store(client, account, null, false, null).info();
        } finally {
            connectingSandbox.decrementAndGet();
        }
    }

    private Connected store(StripeClient client, Account account, String key, boolean livemode, String by) {
        boolean sandbox = key == null;
        String url = sandbox ? localServer.baseUrl() + "/stripe/webhook" : webhookUrl();
        // A new attempt id for each connect: two connects at once (two nodes starting) must not share Stripe's
        // idempotency key, or both get one endpoint and the later deletes it as the earlier one's. stripe-java's
        // retries of this request send the same key.
        String attempt = UUID.randomUUID().toString();
        WebhookEndpoint endpoint = createEndpoint(client, account, url, attempt);
        List<String> supported = supportedCurrencies(client, account.getCountry());
        ConnectionRow row = new ConnectionRow(0, account.getId(), accountName(account), account.getCountry(),
                account.getDefaultCurrency(), sandbox, livemode,
                key == null ? null : cipher.encrypt(KEY_PURPOSE, key), key == null ? null : SecretCipher.lastFour(key),
                endpoint == null ? null : endpoint.getId(), url,
                endpoint == null ? null : cipher.encrypt(WEBHOOK_PURPOSE, endpoint.getSecret()), account.toJson(),
                String.join(",", supported), sandbox ? null : clock.instant(), by, clock.instant(), clock.instant());
        List<ConnectionRow> replaced = replaceActive(row);
        String kept = endpoint == null ? null : endpoint.getId();
        replaced.stream().filter(old -> !Objects.equals(old.webhookEndpointId(), kept)).forEach(this::deleteEndpointQuietly);
        return new Connected(row, replaced, info());
    }

    /** Ends the active rows and inserts {@code row} (when given) in one transaction; returns the rows it ended. */
    private List<ConnectionRow> replaceActive(ConnectionRow row) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    List<ConnectionRow> ended = store.activeForUpdate();
                    store.disconnectAll(clock.instant());
                    if (row != null) {
                        store.insert(row);
                    }
                    return ended;
                });
            } catch (PessimisticLockingFailureException deadlock) {
                // Two first connects lock the same empty range; the loser goes again and then ends the winner's row.
                if (attempt == 3) {
                    throw deadlock;
                }
            }
        }
    }

    private Account retrieveAccount(StripeClient client) {
        try {
            return client.v1().accounts().retrieveCurrent();
        } catch (PermissionException e) {
            throw new StripeConnectionException(StripeConnectionException.Reason.KEY_LACKS_PERMISSION);
        } catch (AuthenticationException e) {
            throw new StripeConnectionException(StripeConnectionException.Reason.KEY_INVALID);
        } catch (StripeException e) {
            throw new StripeConnectionException(StripeConnectionException.Reason.UNREACHABLE, e.getMessage());
        }
    }

    /** Null when the key may not create endpoints or Stripe refuses the URL: the admin then pastes the secret. */
    private WebhookEndpoint createEndpoint(StripeClient client, Account account, String url, String attempt) {
        WebhookEndpointCreateParams.ApiVersion pinned = Arrays.stream(WebhookEndpointCreateParams.ApiVersion.values())
                .filter(v -> Stripe.API_VERSION.equals(v.getValue())).findFirst().orElse(null);
        WebhookEndpointCreateParams.Builder params = WebhookEndpointCreateParams.builder().setUrl(url)
                .addAllEnabledEvent(EVENTS).setDescription("Commerce Hub");
        if (pinned != null) {
            params.setApiVersion(pinned);
        }
        try {
            return client.v1().webhookEndpoints().create(params.build(),
                    IdempotencyKeys.forWrite("webhook-endpoint", account.getId(), attempt));
        } catch (PermissionException | InvalidRequestException refused) {
            log.info("Stripe did not create the webhook endpoint ({}); the secret must be pasted", refused.getCode());
            return null;
        } catch (ApiConnectionException | com.stripe.exception.ApiException | com.stripe.exception.RateLimitException e) {
            // Unreachable, failing (5xx) or rate-limiting even after retries: nothing is stored, the admin tries
            // again, rather than a connection without its webhook endpoint.
            throw new StripeConnectionException(StripeConnectionException.Reason.UNREACHABLE, e.getMessage());
        } catch (StripeException e) {
            log.warn("Creating the webhook endpoint failed: {}", e.getMessage());
            return null;
        }
    }

    private List<String> supportedCurrencies(StripeClient client, String country) {
        try {
            CountrySpec spec = client.v1().countrySpecs().retrieve(country);
            return spec.getSupportedPaymentCurrencies();
        } catch (StripeException e) {
            log.warn("Could not read the currencies Stripe supports for {}: {}", country, e.getMessage());
            return List.of();
        }
    }

    private static String accountName(Account account) {
        if (account.getBusinessProfile() != null && account.getBusinessProfile().getName() != null) {
            return account.getBusinessProfile().getName();
        }
        if (account.getSettings() != null && account.getSettings().getDashboard() != null) {
            return account.getSettings().getDashboard().getDisplayName();
        }
        return account.getEmail();
    }

    void saveWebhookSecret(String secret) {
        String value = secret == null ? "" : secret.trim();
        if (!WEBHOOK_SECRET.matcher(value).matches()) {
            throw new StripeConnectionException(StripeConnectionException.Reason.WEBHOOK_SECRET_MALFORMED);
        }
        ConnectionRow row = active().orElseThrow(() -> new StripeConnectionException(StripeConnectionException.Reason.NOT_CONNECTED));
        store.updateWebhookSecret(row.id(), cipher.encrypt(WEBHOOK_PURPOSE, value));
    }

    /** Leaves the app not connected (no fallback to the sandbox): buyers cannot pay until an admin chooses again. */
    void disconnect() {
        replaceActive(null).forEach(this::deleteEndpointQuietly);
    }

    /** Re-reads the account's readiness and currencies from Stripe (on a schedule and on account.updated). */
    void refresh() {
        Optional<ConnectionRow> connection = active();
        if (connection.isEmpty()) {
            return;
        }
        StripeClient client = client();
        Account account = retrieveAccount(client);
        List<String> currencies = supportedCurrencies(client, account.getCountry());
        store.updateAccount(connection.get().id(), accountName(account), account.getDefaultCurrency(), account.toJson(),
                currencies.isEmpty() ? null : String.join(",", currencies), clock.instant());
    }

    private void deleteEndpointQuietly(ConnectionRow old) {
        if (old.webhookEndpointId() == null) {
            return;
        }
        try {
            StripeClient client = old.sandbox() ? factory.client()
                    : factory.forKey(cipher.decrypt(KEY_PURPOSE, old.apiKeyEnc()));
            client.v1().webhookEndpoints().delete(old.webhookEndpointId());
        } catch (StripeException | RuntimeException e) {
            log.info("The old webhook endpoint {} could not be deleted: {}", old.webhookEndpointId(), e.getMessage());
        }
    }
}
