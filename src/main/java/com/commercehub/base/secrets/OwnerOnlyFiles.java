package com.commercehub.base.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files that hold a secret (the database account's password, the key of stored secrets). The content
 * goes into a temporary file that is owner-only from its creation, which is then linked into place:
 * the file never exists readable by others, nor empty or half written, and an existing one is kept.
 */
public final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {
    }

    /** Creates {@code file} with {@code content}; false (and nothing changed) when it already exists. */
    public static boolean createIfAbsent(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp", ownerOnly(directory));
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            return place(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean place(Path temporary, Path file) throws IOException {
        try {
            // A hard link fails when the target exists, so a file another process just wrote is kept.
            Files.createLink(file, temporary);
            return true;
        } catch (FileAlreadyExistsException exists) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            try {
                Files.move(temporary, file);
                return true;
            } catch (FileAlreadyExistsException exists) {
                return false;
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path directory) {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }
}
