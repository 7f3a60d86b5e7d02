package com.commercehub.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator {@code wrk} (Debian package {@code wrk}) as the HTTP benchmarks run it: one thread, so that it
 * takes as little as possible of the two cores the server under test needs too, and {@code --latency} for the
 * percentiles.
 */
public final class Wrk {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+\\w+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: (.*)");

    /** One run's figures; {@code non2xx} counts 4xx and 5xx answers, {@code socketErrors} is wrk's own line or "". */
    public record Result(double requestsPerSecond, long requests, double p50Millis, double p99Millis, long non2xx,
                         String socketErrors, String output) {
    }

    private Wrk() {
    }

    /** The wrk on the PATH, or a failure that says how to install it. */
    public static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File wrk = new File(dir, "wrk");
            if (wrk.canExecute()) {
                return wrk.getPath();
            }
        }
        throw new AssertionError("wrk is not installed (Debian package 'wrk': apt-get install -y wrk); "
                + "the throughput figures need it");
    }

    /** {@code wrk -t1 -c<connections> -d<duration> --latency} with the given headers ("Name: value"). */
    public static Result run(String url, int connections, String duration, List<String> headers)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(executable(), "-t1", "-c" + connections, "-d" + duration,
                "--timeout", "10s", "--latency"));
        for (String header : headers) {
            args.add("-H");
            args.add(header);
        }
        args.add(url);
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new AssertionError(String.join(" ", args) + " failed:\n" + output);
        }
        Matcher rate = RATE.matcher(output);
        Matcher total = TOTAL.matcher(output);
        if (!rate.find() || !total.find()) {
            throw new AssertionError("unexpected wrk output:\n" + output);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            double millis = millis(Double.parseDouble(percentile.group(2)), percentile.group(3));
            if (percentile.group(1).equals("50")) {
                p50 = millis;
            } else {
                p99 = millis;
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher errors = SOCKET_ERRORS.matcher(output);
        return new Result(Double.parseDouble(rate.group(1)), Long.parseLong(total.group(1)), p50, p99,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors.find() ? errors.group(1).strip() : "",
                output);
    }

    /** wrk prints latencies as 850.00us, 12.34ms or 1.02s. */
    public static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
