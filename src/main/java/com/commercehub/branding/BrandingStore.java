package com.commercehub.branding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The rows of {@code branding_version} and {@code branding_image}; settings are kept as JSON. */
@Repository
class BrandingStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, saved_at, saved_by, changes, restored_from, settings";

    private final JdbcClient jdbc;

    BrandingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BrandingVersion> newest(boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branding_version ORDER BY id DESC LIMIT 1"
                + (forUpdate ? " FOR UPDATE" : "")).query(BrandingStore::version).optional();
    }

    Optional<BrandingVersion> version(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branding_version WHERE id = ?").param(id)
                .query(BrandingStore::version).optional();
    }

    List<BrandingVersion> page(int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM branding_version ORDER BY id DESC LIMIT ? OFFSET ?")
                .param(limit).param(offset).query(BrandingStore::version).list();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM branding_version").query(Integer.class).single();
    }

    long insert(BrandingSettings settings, Instant at, String by, List<String> changes, Long restoredFrom) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO branding_version (saved_at, saved_by, settings, changes, restored_from) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), by, JSON.writeValueAsString(settings), String.join(",", changes), restoredFrom)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void putImage(BrandImages.Encoded image, Instant at) {
        jdbc.sql("INSERT IGNORE INTO branding_image (sha256, content, width, height, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(image.sha256(), image.png(), image.width(), image.height(), Timestamp.from(at)).update();
    }

    Optional<byte[]> image(String sha256) {
        return jdbc.sql("SELECT content FROM branding_image WHERE sha256 = ?").param(sha256)
                .query((rs, row) -> rs.getBytes(1)).optional();
    }

    private static BrandingVersion version(ResultSet rs, int row) throws SQLException {
        String changes = rs.getString("changes");
        long restored = rs.getLong("restored_from");
        return new BrandingVersion(rs.getLong("id"), rs.getTimestamp("saved_at").toInstant(), rs.getString("saved_by"),
                changes.isEmpty() ? List.of() : Arrays.asList(changes.split(",")), rs.wasNull() ? null : restored,
                JSON.readValue(rs.getString("settings"), BrandingSettings.class));
    }
}
