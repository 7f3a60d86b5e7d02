package com.commercehub.checkout;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The {@code quote_checkout} row of each quote version and the sessions made for it. */
@Component
class CheckoutRows {

    /** A version's checkout as stored; {@code productIds} is empty until products were needed. */
    record Row(long quoteId, int versionNo, String accountId, int attempt, String sessionId, String couponId,
               List<String> productIds) {

        /** What was made for the version in another account does not exist in this one. */
        Row inAccount(String account) {
            return account.equals(accountId) ? this
                    : new Row(quoteId, versionNo, account, attempt, null, null, List.of());
        }
    }

    record Made(String sessionId, int attempt, String accountId, boolean subscription, String currency,
                long expectedAmount, long stripeAmount) {
    }

    private final JdbcClient jdbc;

    CheckoutRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the version's row when missing. Called outside any transaction: an insert that waits
     * for a concurrent one and then locks the row would deadlock with a third doing the same.
     */
    void ensure(long quoteId, int versionNo, Instant now) {
        jdbc.sql("""
                        INSERT IGNORE INTO quote_checkout (quote, version_no, attempt, created_at, updated_at)
                        VALUES (:quote, :version, 0, :now, :now)""")
                .param("quote", quoteId).param("version", versionNo).param("now", Timestamp.from(now)).update();
    }

    /**
     * The version's row (see {@link #ensure}), locked until the surrounding transaction ends: every
     * other checkout of the same version waits here, so only one decides about its session at a time.
     */
    Row lock(long quoteId, int versionNo) {
        return jdbc.sql("""
                        SELECT account_id, attempt, session_id, coupon_id, product_ids FROM quote_checkout
                        WHERE quote = :quote AND version_no = :version FOR UPDATE""")
                .param("quote", quoteId).param("version", versionNo)
                .query((rs, n) -> new Row(quoteId, versionNo, rs.getString("account_id"), rs.getInt("attempt"),
                        rs.getString("session_id"), rs.getString("coupon_id"), ids(rs.getString("product_ids"))))
                .single();
    }

    void save(Row row, Instant now) {
        jdbc.sql("""
                        UPDATE quote_checkout SET account_id = :account, attempt = :attempt, session_id = :session,
                               coupon_id = :coupon, product_ids = :products, updated_at = :now
                        WHERE quote = :quote AND version_no = :version""")
                .param("account", row.accountId()).param("attempt", row.attempt()).param("session", row.sessionId())
                .param("coupon", row.couponId())
                .param("products", row.productIds().isEmpty() ? null : String.join(",", row.productIds()))
                .param("now", Timestamp.from(now)).param("quote", row.quoteId()).param("version", row.versionNo())
                .update();
    }

    /** Remembers a session made for the version, with the amount Stripe said it would charge. */
    void made(long quoteId, int versionNo, Made made, Instant now) {
        jdbc.sql("""
                        INSERT IGNORE INTO quote_checkout_session (session_id, quote, version_no, attempt, account_id,
                                                                  mode, currency, expected_amount, stripe_amount,
                                                                  created_at)
                        VALUES (:session, :quote, :version, :attempt, :account, :mode, :currency, :expected, :stripe,
                                :now)""")
                .param("session", made.sessionId()).param("quote", quoteId).param("version", versionNo)
                .param("attempt", made.attempt()).param("account", made.accountId())
                .param("mode", made.subscription() ? "subscription" : "payment")
                .param("currency", made.currency().toUpperCase(java.util.Locale.ROOT))
                .param("expected", made.expectedAmount()).param("stripe", made.stripeAmount())
                .param("now", Timestamp.from(now)).update();
    }

    /** True when Stripe already priced this version differently in this account (the content is frozen). */
    boolean mismatched(long quoteId, int versionNo, String accountId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM quote_checkout_session
                        WHERE quote = :quote AND version_no = :version AND account_id = :account
                          AND expected_amount <> stripe_amount""")
                .param("quote", quoteId).param("version", versionNo).param("account", accountId)
                .query(Long.class).single() > 0;
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
