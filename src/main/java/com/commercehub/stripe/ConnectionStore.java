package com.commercehub.stripe;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@Component
class ConnectionStore {

    private final JdbcClient jdbc;

    ConnectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConnectionRow> active() {
        return jdbc.sql("SELECT * FROM stripe_connection WHERE disconnected_at IS NULL ORDER BY id DESC LIMIT 1")
                .query(ConnectionStore::map).optional();
    }

    /**
     * The active rows, locked until the transaction ends: a connect or disconnect reads what it replaces here,
     * so that two at once (two nodes starting) take turns and each knows exactly which rows it ended.
     */
    List<ConnectionRow> activeForUpdate() {
        return jdbc.sql("SELECT * FROM stripe_connection WHERE disconnected_at IS NULL ORDER BY id FOR UPDATE")
                .query(ConnectionStore::map).list();
    }

    /** False only on an installation that never connected anything (not even the sandbox). */
    boolean anyConnectionEver() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM stripe_connection)").query(Boolean.class).single();
    }

    /** Just what verifying a webhook needs, read on every delivery (the active row, by the index). */
    Optional<SigningRow> signing() {
        return jdbc.sql("SELECT account_id, sandbox, api_key_enc, webhook_secret_enc FROM stripe_connection "
                        + "WHERE disconnected_at IS NULL ORDER BY id DESC LIMIT 1")
                .query((rs, row) -> new SigningRow(rs.getString("account_id"), rs.getBoolean("sandbox"),
                        rs.getString("api_key_enc"), rs.getString("webhook_secret_enc")))
                .optional();
    }

    record SigningRow(String accountId, boolean sandbox, String apiKeyEnc, String webhookSecretEnc) {
    }

    long insert(ConnectionRow row) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO stripe_connection (account_id, account_name, country, default_currency, sandbox, livemode,
                            api_key_enc, api_key_last4, webhook_endpoint_id, webhook_url, webhook_secret_enc, account_json,
                            supported_currencies, terms_accepted_at, connected_by, connected_at, refreshed_at)
                        VALUES (:accountId, :accountName, :country, :currency, :sandbox, :livemode, :keyEnc, :keyLast4,
                            :endpointId, :webhookUrl, :secretEnc, :json, :currencies, :terms, :by, :at, :at)""")
                .param("accountId", row.accountId()).param("accountName", row.accountName())
                .param("country", row.country()).param("currency", row.defaultCurrency())
                .param("sandbox", row.sandbox()).param("livemode", row.livemode())
                .param("keyEnc", row.apiKeyEnc()).param("keyLast4", row.apiKeyLast4())
                .param("endpointId", row.webhookEndpointId()).param("webhookUrl", row.webhookUrl())
                .param("secretEnc", row.webhookSecretEnc()).param("json", row.accountJson())
                .param("currencies", row.supportedCurrencies()).param("terms", utc(row.termsAcceptedAt()))
                .param("by", row.connectedBy()).param("at", utc(row.connectedAt()))
                .update(keys);
        return keys.getKey().longValue();
    }

    void disconnectAll(Instant at) {
        jdbc.sql("UPDATE stripe_connection SET disconnected_at = :at WHERE disconnected_at IS NULL")
                .param("at", utc(at)).update();
    }

    /** {@code supportedCurrencies} null keeps the stored list (Stripe could not be asked this time). */
    void updateAccount(long id, String name, String currency, String json, String supportedCurrencies, Instant at) {
        jdbc.sql("UPDATE stripe_connection SET account_name = :name, default_currency = :currency, account_json = :json, "
                        + "supported_currencies = COALESCE(:currencies, supported_currencies), refreshed_at = :at WHERE id = :id")
                .param("name", name).param("currency", currency).param("json", json)
                .param("currencies", supportedCurrencies).param("at", utc(at)).param("id", id).update();
    }

    void updateWebhookSecret(long id, String secretEnc) {
        jdbc.sql("UPDATE stripe_connection SET webhook_secret_enc = :secret WHERE id = :id")
                .param("secret", secretEnc).param("id", id).update();
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static ConnectionRow map(ResultSet rs, int row) throws SQLException {
        return new ConnectionRow(rs.getLong("id"), rs.getString("account_id"), rs.getString("account_name"),
                rs.getString("country"), rs.getString("default_currency"), rs.getBoolean("sandbox"),
                rs.getBoolean("livemode"), rs.getString("api_key_enc"), rs.getString("api_key_last4"),
                rs.getString("webhook_endpoint_id"), rs.getString("webhook_url"), rs.getString("webhook_secret_enc"),
                rs.getString("account_json"), rs.getString("supported_currencies"), instant(rs, "terms_accepted_at"),
                rs.getString("connected_by"), instant(rs, "connected_at"), instant(rs, "refreshed_at"));
    }
}
