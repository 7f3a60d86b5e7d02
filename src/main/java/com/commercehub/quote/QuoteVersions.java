package com.commercehub.quote;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The published versions of quotes (frozen content and buyer link) and the log of what happened to
 * each quote. Written alongside the {@link Quote} aggregate, in the same transaction, and only
 * appended to: a version is never changed except to revoke its link.
 */
@Component
class QuoteVersions {

    /** A version found by its buyer link; {@code contentJson} is the frozen content exactly as stored. */
    record Found(long quoteId, int versionNo, QuoteContent content, String contentJson) {
    }

    private final JdbcClient jdbc;
    // Lenient on read: a version written by an older build must still open after the content gains fields.
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final org.springframework.context.ApplicationEventPublisher events;

    QuoteVersions(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
    }

    void store(long quoteId, QuoteContent content, BuyerLinks.Issued link, String actor, Instant now) {
        jdbc.sql("""
                        INSERT INTO quote_version (quote, version_no, token_hash, token_sealed, content, published_by,
                                                   published_at)
                        VALUES (:quote, :version, :hash, :sealed, :content, :actor, :now)""")
                .param("quote", quoteId).param("version", content.version()).param("hash", link.hash())
                .param("sealed", link.sealed()).param("content", json.writeValueAsString(content))
                .param("actor", actor).param("now", java.sql.Timestamp.from(now)).update();
    }

    /** Takes every link of the quote down (a recall, or a newer version replacing them). */
    void revokeAll(long quoteId, Instant now) {
        jdbc.sql("UPDATE quote_version SET revoked_at = :now WHERE quote = :quote AND revoked_at IS NULL")
                .param("quote", quoteId).param("now", java.sql.Timestamp.from(now)).update();
    }

    /**
     * The version a buyer link belongs to, also when it was recalled or replaced since (the page then
     * says so); a link switched off for good finds nothing, as an unknown one.
     */
    Optional<Found> byToken(String token) {
        return jdbc.sql("SELECT quote, version_no, content FROM quote_version WHERE token_hash = :hash AND link_disabled_at IS NULL")
                .param("hash", BuyerLinks.hash(token))
                .query((rs, n) -> new Found(rs.getLong("quote"), rs.getInt("version_no"),
                        json.readValue(rs.getString("content"), QuoteContent.class), rs.getString("content")))
                .optional();
    }

    /** Switches every link of the quote off for good. */
    void disableLinks(long quoteId, Instant now) {
        jdbc.sql("UPDATE quote_version SET link_disabled_at = :now WHERE quote = :quote AND link_disabled_at IS NULL")
                .param("quote", quoteId).param("now", java.sql.Timestamp.from(now)).update();
    }

    /** The frozen content of a version exactly as stored (what a signature's hash is taken of). */
    Optional<String> contentJson(long quoteId, int versionNo) {
        return jdbc.sql("SELECT content FROM quote_version WHERE quote = :quote AND version_no = :version")
                .param("quote", quoteId).param("version", versionNo).query(String.class).optional();
    }

    /** The sealed token of one version's link (switched-off links have none). */
    Optional<String> sealedToken(long quoteId, int versionNo) {
        return jdbc.sql("""
                        SELECT token_sealed FROM quote_version
                        WHERE quote = :quote AND version_no = :version AND link_disabled_at IS NULL""")
                .param("quote", quoteId).param("version", versionNo).query(String.class).optional();
    }

    /** The quote's timeline, oldest first. */
    List<QuoteTimelineEntry> timeline(long quoteId) {
        return jdbc.sql("""
                        SELECT version_no, status, actor, detail, occurred_at FROM quote_event
                        WHERE quote = :quote ORDER BY id""")
                .param("quote", quoteId)
                .query((rs, n) -> new QuoteTimelineEntry(rs.getInt("version_no"),
                        QuoteTimelineEntry.Kind.valueOf(rs.getString("status")), rs.getString("actor"),
                        rs.getString("detail"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** When the quote was paid, if it was. */
    Optional<Instant> paidAt(long quoteId) {
        return jdbc.sql("SELECT MIN(occurred_at) FROM quote_event WHERE quote = :quote AND status = 'PAID'")
                .param("quote", quoteId).query((rs, n) -> rs.getTimestamp(1)).optional()
                .filter(java.util.Objects::nonNull).map(java.sql.Timestamp::toInstant);
    }

    /** The sealed token of the quote's live link, if it has one. */
    Optional<String> liveSealedToken(long quoteId) {
        return jdbc.sql("""
                        SELECT token_sealed FROM quote_version WHERE quote = :quote AND revoked_at IS NULL
                        ORDER BY version_no DESC LIMIT 1""")
                .param("quote", quoteId).query(String.class).optional();
    }

    Optional<QuoteContent> content(long quoteId, int versionNo) {
        return jdbc.sql("SELECT content FROM quote_version WHERE quote = :quote AND version_no = :version")
                .param("quote", quoteId).param("version", versionNo)
                .query((rs, n) -> json.readValue(rs.getString("content"), QuoteContent.class)).optional();
    }

    void log(long quoteId, int versionNo, QuoteStatus status, String actor, Instant now) {
        log(quoteId, versionNo, QuoteTimelineEntry.Kind.valueOf(status.name()), actor, null, now);
        events.publishEvent(new QuoteStatusChanged(quoteId, versionNo, status, now));
    }

    void log(long quoteId, int versionNo, QuoteTimelineEntry.Kind kind, String actor, String detail, Instant now) {
        jdbc.sql("""
                        INSERT INTO quote_event (quote, version_no, status, actor, detail, occurred_at)
                        VALUES (:quote, :version, :status, :actor, :detail, :now)""")
                .param("quote", quoteId).param("version", versionNo).param("status", kind.name())
                .param("actor", actor).param("detail", detail).param("now", java.sql.Timestamp.from(now)).update();
    }
}
