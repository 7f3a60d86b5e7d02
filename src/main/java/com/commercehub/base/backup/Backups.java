package com.commercehub.base.backup;

import com.commercehub.base.db.DatabaseDumps;
import com.commercehub.base.secrets.SecretKeyStore;
import com.commercehub.base.secrets.SecretProperties;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The two use cases: write a backup of this install, restore one into an empty install. */
final class Backups {

    private final DatabaseDumps database;
    private final SecretProperties secrets;
    private final Clock clock;
    private final String appVersion;

    Backups(DatabaseDumps database, SecretProperties secrets, Clock clock, String appVersion) {
        this.database = database;
        this.secrets = secrets;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /** Lines for the operator: what was written. */
    List<String> backup(Path file) throws IOException {
        SecretKeyStore.CurrentKey key = SecretKeyStore.current(secrets).orElseThrow(() -> new BackupRefusedException(
                "No secret key exists yet (neither HUB_SECRET_KEY nor " + secrets.keyFile()
                        + "): start the app once before backing it up"));
        String schema = database.schemaVersion().orElseThrow(() -> new BackupRefusedException(
                "The database " + database.describe() + " holds no Commerce Hub schema: nothing to back up"));
        BackupArchive.Manifest manifest = BackupArchive.write(file, key.base64(), key.fromEnvironment(), appVersion,
                schema, clock.instant(), database::dump);
        List<String> lines = new ArrayList<>();
        lines.add("Backup written to " + file.toAbsolutePath() + " (" + Files.size(file) + " bytes, schema version "
                + manifest.schemaVersion() + ", " + manifest.createdAt() + ").");
        lines.add("It holds the secret key" + (key.fromEnvironment() ? " (HUB_SECRET_KEY)" : "")
                + ": keep it as safe as the key itself.");
        return lines;
    }

    /**
     * Loads a backup into this install's database and puts its key in place. Refuses a database that holds tables, a
     * different key file, or a running app, unless {@code force} (then both are replaced; the old key is kept aside).
     */
    List<String> restore(Path file, boolean force) throws IOException {
        Path dump = Files.createTempFile("hub-restore-", ".sql",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            BackupArchive.Contents contents = BackupArchive.read(file, dump);
            try {
                SecretKeyStore.check(contents.key());
            } catch (IllegalStateException e) {
                throw new BackupRefusedException("The backup's secret key is damaged: " + e.getMessage());
            }
            String newest = newestMigration();
            if (MigrationVersion.fromVersion(contents.manifest().schemaVersion())
                    .isNewerThan(MigrationVersion.fromVersion(newest))) {
                throw new BackupRefusedException("The backup has schema version " + contents.manifest().schemaVersion()
                        + " (app " + contents.manifest().appVersion() + "), newer than this app's " + newest
                        + ": restore it with that version or a newer one");
            }
            if (database.sharedWithRunningApp()) {
                throw new BackupRefusedException("The app is running on this database: stop it (every node) first");
            }
            List<String> tables = database.tables();
            if (!tables.isEmpty() && !force) {
                throw new BackupRefusedException("The database " + database.describe() + " is not empty ("
                        + tables.size() + " tables): restore into a new install, or add --force to replace "
                        + "everything in it");
            }
            Optional<SecretKeyStore.CurrentKey> present = SecretKeyStore.current(secrets);
            boolean keyDiffers = present.isPresent() && !present.get().base64().equals(contents.key());
            if (keyDiffers && !present.get().fromEnvironment() && !force) {
                throw new BackupRefusedException("The key file " + secrets.keyFile() + " holds another key than the "
                        + "backup: move it away, or add --force (it is then kept as a .before-restore file)");
            }

            database.dropAllTables();
            database.load(dump);
            List<String> lines = new ArrayList<>();
            lines.add("Restored " + file.toAbsolutePath() + " (schema version " + contents.manifest().schemaVersion()
                    + ", made " + contents.manifest().createdAt() + " by " + contents.manifest().appVersion()
                    + ") into " + database.describe() + ".");
            if (present.isPresent() && present.get().fromEnvironment()) {
                lines.add(keyDiffers
                        ? "HUB_SECRET_KEY is set but is not the backup's key: set HUB_SECRET_KEY (on every node) to "
                        + "the backup's key, `unzip -p " + file.getFileName() + " secret.key`, before starting the "
                        + "app, or stored Stripe secrets cannot be read."
                        : "HUB_SECRET_KEY is the backup's key.");
            } else {
                SecretKeyStore.install(secrets, contents.key(), clock.instant()).ifPresent(aside ->
                        lines.add("The key file held another key; it is kept as " + aside + "."));
                lines.add("The secret key is in " + secrets.keyFile().toAbsolutePath() + ".");
            }
            if (!contents.manifest().schemaVersion().equals(newest)) {
                lines.add("The app migrates the schema from " + contents.manifest().schemaVersion() + " to " + newest
                        + " when it starts.");
            }
            return lines;
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    /** The newest migration this app ships. */
    static String newestMigration() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
        return Arrays.stream(files).map(Resource::getFilename)
                .map(name -> MigrationVersion.fromVersion(name.substring(1, name.indexOf("__")).replace('_', '.')))
                .max(MigrationVersion::compareTo).map(MigrationVersion::getVersion)
                .orElseThrow(() -> new IllegalStateException("No migrations on the classpath"));
    }
}
