package com.commercehub.base.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The key {@link SecretCipher} uses, as backups see it: read without creating one, and put back on restore. Without
 * it the stored secrets (Stripe key, webhook secret) cannot be read, so a backup carries it beside the data.
 */
public final class SecretKeyStore {

    private SecretKeyStore() {
    }

    /** The key in use: from {@code HUB_SECRET_KEY} when set, else the key file's content. */
    public record CurrentKey(String base64, boolean fromEnvironment) {
        @Override
        public String toString() {
            return "CurrentKey[" + (fromEnvironment ? "HUB_SECRET_KEY" : "key file") + "]";
        }
    }

    /** The key this install uses; empty when no key exists yet (the app creates the file on its first start). */
    public static Optional<CurrentKey> current(SecretProperties properties) throws IOException {
        if (properties.key() != null && !properties.key().isBlank()) {
            return Optional.of(new CurrentKey(properties.key().trim(), true));
        }
        Path file = properties.keyFile();
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new CurrentKey(Files.readString(file).trim(), false));
    }

    /** @throws IllegalStateException when {@code base64} is not an AES key */
    public static void check(String base64) {
        SecretCipher.fromBase64(base64.trim(), "the backup");
    }

    /**
     * Writes {@code base64} to the key file, owner-only. A different key already there is kept beside it as
     * {@code secret.key.before-restore-<time>}, whose path is returned.
     */
    public static Optional<Path> install(SecretProperties properties, String base64, Instant now) throws IOException {
        check(base64);
        Path file = properties.keyFile().toAbsolutePath();
        Files.createDirectories(file.getParent());
        Optional<Path> kept = Optional.empty();
        if (Files.exists(file)) {
            if (Files.readString(file).trim().equals(base64.trim())) {
                return Optional.empty();
            }
            Path aside = file.resolveSibling(file.getFileName() + ".before-restore-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now));
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            kept = Optional.of(aside);
        }
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(fresh);
        }
        Files.writeString(fresh, base64.trim() + "\n");
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        return kept;
    }
}
