package com.commercehub.sandbox;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.SecretDecryptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The sandbox's secret key: {@code SANDBOX_API_KEY} when set, else one generated on first use (190 random bits)
 * and kept encrypted in {@code sandbox_api_key}, so every node and every restart agree on it.
 */
@Component
class SandboxKeys implements SandboxApiKey {

    static final String PURPOSE = "sandbox.api-key";
    static final Pattern FORMAT = Pattern.compile("sk_test_[A-Za-z0-9]{24,}");
    private static final Logger log = LoggerFactory.getLogger(SandboxKeys.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;
    private final String configured;
    private volatile String key;

    SandboxKeys(JdbcClient jdbc, SecretCipher cipher, Clock clock, @Value("${hub.sandbox.api-key:}") String configured) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.configured = configured == null ? "" : configured.trim();
        if (!this.configured.isEmpty() && !FORMAT.matcher(this.configured).matches()) {
            throw new IllegalStateException("SANDBOX_API_KEY must be sk_test_ followed by at least 24 letters or "
                    + "digits (or be left empty for a generated key)");
        }
    }

    @Override
    public String secretKey() {
        String known = key;
        if (known == null) {
            known = configured.isEmpty() ? stored() : configured;
            key = known;
        }
        return known;
    }

    /** Compares in constant time, so the answer's timing tells nothing about the key. */
    boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                secretKey().getBytes(StandardCharsets.UTF_8));
    }

    private synchronized String stored() {
        if (key != null) {
            return key;
        }
        String sealed = jdbc.sql("SELECT key_enc FROM sandbox_api_key WHERE id = 1").query(String.class).optional()
                .orElse(null);
        if (sealed != null) {
            try {
                return cipher.decrypt(PURPOSE, sealed);
            } catch (SecretDecryptionException unreadable) {
                // Encrypted under another installation key (restored without its key file): a new key replaces it.
                log.warn("The stored sandbox API key cannot be decrypted with this installation's key; a new one is made");
                jdbc.sql("DELETE FROM sandbox_api_key WHERE id = 1").update();
            }
        }
        String fresh = "sk_test_" + SandboxIds.random(32);
        // Two nodes starting at once: the first insert wins and both read it back.
        jdbc.sql("INSERT IGNORE INTO sandbox_api_key (id, key_enc, created_at) VALUES (1, :enc, :at)")
                .param("enc", cipher.encrypt(PURPOSE, fresh))
                .param("at", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return cipher.decrypt(PURPOSE, jdbc.sql("SELECT key_enc FROM sandbox_api_key WHERE id = 1")
                .query(String.class).single());
    }

    /** How Stripe shows a key it did not accept: the prefix and the last four, nothing between. */
    static String masked(String presented) {
        java.util.regex.Matcher prefix = Pattern.compile("^((?:sk|rk|pk)_(?:test|live)_)").matcher(presented);
        String head = prefix.find() ? prefix.group(1) : "";
        String rest = presented.substring(head.length());
        return head + "****" + (rest.length() > 8 ? rest.substring(rest.length() - 4) : "");
    }
}
