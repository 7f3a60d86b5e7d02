package com.commercehub.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The jar this build packaged, started as an operator would ({@code java -jar} in a process of its own), for the
 * tests and benchmarks that need the real production build: its own JVM, Vaadin's production mode, a process that can
 * be stopped with SIGTERM or killed with SIGKILL. The environment is cleared of the variables the app reads, so that
 * what a test passes is all it gets.
 */
public final class ProductionJar implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Path log;
    private final Process process;

    private ProductionJar(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar and returns at once; call {@link #awaitReady()} before sending it work. */
    public static ProductionJar start(int port, Path log, Map<String, String> env, List<String> jvmOptions,
                                      List<String> appArguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", packagedJar().toAbsolutePath().toString(),
                // A checkout under /tmp (CI) would otherwise be refused as a home for the embedded data.
                "--hub.db.allow-temporary-dir=true"));
        command.addAll(appArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("HUB_")
                || name.startsWith("STRIPE_") || name.startsWith("SMTP_") || name.equals("PUBLIC_URL")
                || name.startsWith("ADMIN_"));
        environment.put("PORT", Integer.toString(port));
        environment.putAll(env);
        return new ProductionJar(port, log, builder.start());
    }

    /** Starts the jar with a 512 MB heap and no further options. */
    public static ProductionJar start(int port, Path log, Map<String, String> env) throws IOException {
        return start(port, log, env, List.of("-Xmx512m"), List.of());
    }

    public static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("commerce-hub-.+\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in target/: run ./mvnw verify, which packages it first"));
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until the readiness probe says UP; fails with the log's tail when the process ends or 3 minutes pass. */
    public ProductionJar awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the jar stopped with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> readiness = get("/actuator/health/readiness");
                if (readiness.statusCode() == 200 && readiness.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the jar was not ready within 3 minutes:\n" + tail());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, as systemd stops a service; true when the process ended within the time given. */
    public boolean stop(Duration within) throws InterruptedException {
        process.destroy();
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * SIGKILL: the JVM ends at once, without shutdown hooks, as a power cut or the OOM killer would end it. Its
     * embedded MariaDB (a child process) is killed too, since nothing would stop it otherwise.
     */
    public void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
    }

    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop(Duration.ofSeconds(60))) {
            process.destroyForcibly();
        }
    }
}
