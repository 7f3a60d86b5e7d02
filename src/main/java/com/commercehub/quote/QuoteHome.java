package com.commercehub.quote;

import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the start page shows of quotes: the user's open quotes and what their buyers did lately. */
@Service
public class QuoteHome {

    /** A quote still in play, for the start page. */
    public record OpenQuote(long id, String number, String title, QuoteStatus status, LocalDate expiresOn) {
    }

    /** Something a buyer did (viewed, signed, paid), newest first on the start page. */
    public record BuyerActivity(long quoteId, String number, String title, QuoteTimelineEntry.Kind kind, Instant at) {
    }

    private final JdbcClient jdbc;

    QuoteHome(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The signed-in user's quotes that are not yet won or over, the soonest to expire first. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<OpenQuote> myOpenQuotes(int limit) {
        return jdbc.sql("""
                        SELECT id, number, title, status, expires_on FROM quote
                        WHERE owner = :me AND status IN ('DRAFT', 'PUBLISHED', 'VIEWED', 'SIGNED', 'RECALLED')
                        ORDER BY expires_on, id LIMIT :limit""")
                .param("me", Actors.current()).param("limit", limit)
                .query((rs, n) -> new OpenQuote(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        QuoteStatus.valueOf(rs.getString("status")), rs.getDate("expires_on").toLocalDate()))
                .list();
    }

    /**
     * Recent views, signatures and payments by buyers: of the user's own quotes for sales, of all quotes for
     * finance and admins (who follow every deal).
     */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<BuyerActivity> recentBuyerActivity(int limit) {
        boolean everything = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.Authority.FINANCE) || a.getAuthority().equals(Role.Authority.ADMIN));
        return jdbc.sql("""
                        SELECT q.id, q.number, q.title, e.status, e.occurred_at FROM quote_event e
                        JOIN quote q ON q.id = e.quote
                        WHERE e.status IN ('VIEWED', 'SIGNED', 'PAID') AND (:everything OR q.owner = :me)
                        ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit""")
                .param("everything", everything).param("me", Actors.current()).param("limit", limit)
                .query((rs, n) -> new BuyerActivity(rs.getLong("id"), rs.getString("number"), rs.getString("title"),
                        QuoteTimelineEntry.Kind.valueOf(rs.getString("status")),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }
}
