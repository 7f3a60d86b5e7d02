package com.commercehub.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The observed figures of a fault test as a row of the table in docs/RELIABILITY.md ("Crashes, outages and two
 * nodes"), written to {@code target/bench/<name>.md}, so that a run on a quiet machine can be pasted in.
 */
public final class FaultTable {

    private FaultTable() {
    }

    public static void write(String name, String fault, String observed, String test) {
        String table = "| fault | observed | test |\n|---|---|---|\n| " + fault + " | " + observed + " | `" + test + "` |\n";
        System.out.print(table);
        try {
            Path file = Path.of("target", "bench", name + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
