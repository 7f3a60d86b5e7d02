package com.commercehub.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The live heap of another JVM (the packaged jar), by {@code jcmd <pid> GC.class_histogram}: a full GC, then every
 * class with its live instances and bytes. The JDK's own jcmd, beside the java running this JVM.
 */
public final class JvmHeap {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)");

    private JvmHeap() {
    }

    public record ClassRow(String className, long instances, long bytes) {
    }

    public record Histogram(long totalBytes, Map<String, ClassRow> classes) {

        /** What grew from {@code before} to this one, by class, the largest growth first. */
        public Stream<ClassRow> minus(Histogram before) {
            List<ClassRow> growth = new ArrayList<>();
            classes.forEach((name, row) -> {
                ClassRow old = before.classes().getOrDefault(name, new ClassRow(name, 0, 0));
                growth.add(new ClassRow(name, row.instances() - old.instances(), row.bytes() - old.bytes()));
            });
            return growth.stream().sorted(Comparator.comparingLong(ClassRow::bytes).reversed());
        }
    }

    /** A full GC and the live objects after it, by class. */
    public static Histogram histogram(long pid) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String jcmd = Path.of(java).resolveSibling("jcmd").toString();
        Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram").redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError("jcmd failed: " + output);
        }
        Map<String, ClassRow> classes = new HashMap<>();
        long total = -1;
        for (String line : output.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                String name = row.group(3);
                classes.merge(name, new ClassRow(name, Long.parseLong(row.group(1)), Long.parseLong(row.group(2))),
                        (a, b) -> new ClassRow(name, a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
            Matcher sum = TOTAL.matcher(line);
            if (sum.find()) {
                total = Long.parseLong(sum.group(2));
            }
        }
        if (total < 0) {
            throw new AssertionError("no total in the class histogram: " + output);
        }
        return new Histogram(total, classes);
    }
}
