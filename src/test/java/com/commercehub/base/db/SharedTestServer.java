package com.commercehub.base.db;

import java.nio.file.Path;

/**
 * Test-only: a database of its own on the test JVM's embedded MariaDB, for a second application (a packaged jar, a
 * second node) that should find an external server at a {@code DB_URL}.
 */
public final class SharedTestServer {

    public record Database(String jdbcUrl, String username, String password, AutoCloseable lease) {
    }

    private SharedTestServer() {
    }

    /** Drops and recreates {@code name} on the server in {@code target/test-mariadb}; close the lease when done. */
    public static Database freshDatabase(String name) {
        // Taking the lease creates the database and grants the app's account all rights on it, dropping included.
        EmbeddedMariaDb.Lease lease = EmbeddedMariaDb.acquire(Path.of("target", "test-mariadb"), name, false, true);
        try (var connection = java.sql.DriverManager.getConnection(lease.jdbcUrl(), lease.username(), lease.password());
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE `" + name + "`");
            statement.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (java.sql.SQLException e) {
            lease.close();
            throw new IllegalStateException("could not recreate " + name + ": " + e.getMessage(), e);
        }
        return new Database(lease.jdbcUrl(), lease.username(), lease.password(), lease);
    }
}
