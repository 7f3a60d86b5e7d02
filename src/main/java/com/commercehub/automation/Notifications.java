package com.commercehub.automation;

import com.commercehub.base.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The signed-in user's in-app notifications (the bell): unread count, the latest, marking them read. */
@Service
@Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
public class Notifications {

    public record Notification(long id, String title, String body, Instant createdAt, boolean read) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int unreadCount() {
        return jdbc.sql("SELECT COUNT(*) FROM automation_notification WHERE user_email = :user AND read_at IS NULL")
                .param("user", user()).query(Integer.class).single();
    }

    @Transactional(readOnly = true)
    public List<Notification> latest(int limit) {
        return jdbc.sql("""
                        SELECT id, title, body, created_at, read_at IS NOT NULL FROM automation_notification
                        WHERE user_email = :user ORDER BY id DESC LIMIT :limit""")
                .param("user", user()).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5))).list();
    }

    @Transactional
    public void markAllRead() {
        jdbc.sql("UPDATE automation_notification SET read_at = :now WHERE user_email = :user AND read_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("user", user()).update();
    }

    private static String user() {
        return SecurityContextHolder.getContext().getAuthentication().getName().toLowerCase(java.util.Locale.ROOT);
    }
}
