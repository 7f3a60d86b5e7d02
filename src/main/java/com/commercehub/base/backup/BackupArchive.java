package com.commercehub.base.backup;

import com.commercehub.base.secrets.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * One zip file: {@code dump.sql} (the database), {@code secret.key} (base64, as in the key file) and
 * {@code manifest.properties} (format, app version, schema version, time, the dump's SHA-256, where the key came
 * from). Created owner-only, never over an existing file.
 */
final class BackupArchive {

    static final int FORMAT = 1;
    private static final String MANIFEST = "manifest.properties";
    private static final String DUMP = "dump.sql";
    private static final String KEY = "secret.key";

    private BackupArchive() {
    }

    record Manifest(int format, String appVersion, String schemaVersion, Instant createdAt, String dumpSha256,
                    boolean keyFromEnvironment) {

        private String write() throws IOException {
            Properties properties = new Properties();
            properties.setProperty("format", String.valueOf(format));
            properties.setProperty("app-version", appVersion);
            properties.setProperty("schema-version", schemaVersion);
            properties.setProperty("created-at", createdAt.toString());
            properties.setProperty("dump-sha256", dumpSha256);
            properties.setProperty("key-source", keyFromEnvironment ? "HUB_SECRET_KEY" : "key file");
            StringWriter out = new StringWriter();
            properties.store(out, "Commerce Hub backup");
            return out.toString();
        }

        private static Manifest read(String text) throws IOException {
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            try {
                return new Manifest(Integer.parseInt(properties.getProperty("format", "0")),
                        properties.getProperty("app-version", "?"), properties.getProperty("schema-version", ""),
                        Instant.parse(properties.getProperty("created-at")), properties.getProperty("dump-sha256", ""),
                        "HUB_SECRET_KEY".equals(properties.getProperty("key-source")));
            } catch (RuntimeException e) {
                throw new BackupRefusedException("The backup's manifest is damaged: " + e.getMessage());
            }
        }
    }

    interface DumpWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the archive; a failed dump leaves no file behind. */
    static Manifest write(Path file, String key, boolean keyFromEnvironment, String appVersion, String schemaVersion,
                          Instant now, DumpWriter dump) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new BackupRefusedException(file + " exists already; a backup never overwrites a file");
        }
        boolean complete = false;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            MessageDigest sha256 = Sha256.digest();
            zip.putNextEntry(new ZipEntry(DUMP));
            // Not closed here: closing it would close the zip.
            dump.writeTo(new DigestOutputStream(zip, sha256));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(KEY));
            zip.write((key + "\n").getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            Manifest manifest = new Manifest(FORMAT, appVersion, schemaVersion, now,
                    HexFormat.of().formatHex(sha256.digest()), keyFromEnvironment);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.write().getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            complete = true;
            return manifest;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
    }

    record Contents(Manifest manifest, String key) {
        @Override
        public String toString() {
            return "Contents[" + manifest + "]";
        }
    }

    /** Reads and checks the archive, copying its dump to {@code dumpCopy} (which must be an owner-only file). */
    static Contents read(Path file, Path dumpCopy) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupRefusedException("No backup file at " + file);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            ZipEntry dumpEntry = zip.getEntry(DUMP);
            ZipEntry keyEntry = zip.getEntry(KEY);
            if (manifestEntry == null || dumpEntry == null || keyEntry == null) {
                throw new BackupRefusedException(file + " is not a Commerce Hub backup (it lacks "
                        + MANIFEST + ", " + DUMP + " or " + KEY + ")");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest = Manifest.read(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
            if (manifest.format() != FORMAT) {
                throw new BackupRefusedException("The backup has format " + manifest.format()
                        + "; this version reads format " + FORMAT);
            }
            MessageDigest sha256 = Sha256.digest();
            try (InputStream in = zip.getInputStream(dumpEntry);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(dumpCopy), sha256)) {
                in.transferTo(out);
            }
            if (!HexFormat.of().formatHex(sha256.digest()).equals(manifest.dumpSha256())) {
                throw new BackupRefusedException("The backup's dump does not match its checksum: the file is damaged");
            }
            String key;
            try (InputStream in = zip.getInputStream(keyEntry)) {
                key = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            }
            return new Contents(manifest, key);
        } catch (java.util.zip.ZipException e) {
            throw new BackupRefusedException(file + " is not a Commerce Hub backup: " + e.getMessage());
        }
    }
}
