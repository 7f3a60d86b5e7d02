package com.commercehub.base.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_new_file_is_owner_only_complete_and_leaves_no_temporary_file_behind() throws Exception {
        Path file = dir.resolve("sub").resolve("app-credentials");
        assertThat(OwnerOnlyFiles.createIfAbsent(file, "s3cret")).isTrue();
        assertThat(Files.readString(file)).isEqualTo("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("app-credentials");
        }
    }

    @Test
    void an_existing_file_is_kept() throws Exception {
        Path file = dir.resolve("secret.key");
        Files.writeString(file, "first");
        assertThat(OwnerOnlyFiles.createIfAbsent(file, "second")).isFalse();
        assertThat(Files.readString(file)).isEqualTo("first");
    }
}
