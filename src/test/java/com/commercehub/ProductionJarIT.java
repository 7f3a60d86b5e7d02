package com.commercehub;

import com.commercehub.base.db.SharedTestServer;
import com.commercehub.testsupport.HeadlessChromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar the build makes, started as an operator would — {@code java -jar} in a process of its own — runs in
 * Vaadin's production mode on its own embedded MariaDB, or on an external one given by {@code DB_URL}, and stops
 * cleanly. Runs after {@code package}, so it always tests the jar of this very build.
 */
class ProductionJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ADMIN_EMAIL = "ops@example.com";
    private static final String ADMIN_PASSWORD = "production password 1";

    private final List<Process> started = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void the_jar_starts_in_production_mode_on_its_own_embedded_database_and_stops_cleanly() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "production-jar", "data-" + UUID.randomUUID()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = freePort();
        Process app = start(port, log, Map.of("HUB_DATA_DIR", dataDir.toAbsolutePath().toString()));
        awaitReady(port, app, log);

        String output = Files.readString(log);
        assertThat(output).contains("Vaadin is running in production mode").contains("Starting embedded MariaDB");
        assertThat(dataDir.resolve("mariadb").resolve("data")).isDirectory();
        assertThat(dataDir.resolve("secret.key")).exists();

        // The production bundle is served; nothing of the development tools is.
        HttpResponse<String> login = get(port, "/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContainIgnoringCase("vaadin-dev-tools").doesNotContain("devToolsEnabled")
                .doesNotContainIgnoringCase("development mode");
        Matcher script = Pattern.compile("src=\"(\\./)?(VAADIN/build/[^\"]+\\.js)\"").matcher(login.body());
        assertThat(script.find()).as("the page loads the production bundle").isTrue();
        assertThat(get(port, "/" + script.group(2)).statusCode()).isEqualTo(200);

        signInWithABrowser(port);

        // SIGTERM, as systemd stops it: the app shuts down and takes its MariaDB with it.
        app.destroy();
        assertThat(app.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
        assertThat(mariadbProcessesUsing(dataDir)).isEmpty();
        assertThat(Files.readString(log)).doesNotContain("Exception in thread");
    }

    @Test
    void the_jar_runs_on_an_external_database_given_by_db_url() throws Exception {
        SharedTestServer.Database external = SharedTestServer.freshDatabase("hub_jar_external");
        try (AutoCloseable lease = external.lease()) {
            Path dataDir = Files.createDirectories(Path.of("target", "production-jar", "ext-" + UUID.randomUUID()));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            int port = freePort();
            Process app = start(port, log, Map.of("HUB_DATA_DIR", dataDir.toAbsolutePath().toString(),
                    "DB_URL", external.jdbcUrl(), "DB_USER", external.username(), "DB_PASSWORD", external.password()));
            awaitReady(port, app, log);

            assertThat(Files.readString(log)).doesNotContain("Starting embedded MariaDB")
                    .doesNotContain(external.password());
            assertThat(dataDir.resolve("mariadb")).doesNotExist();
            long migrationFiles;
            try (Stream<Path> files = Files.list(Path.of("db", "migration"))) {
                migrationFiles = files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
            }
            try (var connection = DriverManager.getConnection(external.jdbcUrl(), external.username(), external.password());
                 var statement = connection.createStatement()) {
                var applied = statement.executeQuery(
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL");
                applied.next();
                assertThat(applied.getLong(1)).isEqualTo(migrationFiles);
                var admin = statement.executeQuery("SELECT COUNT(*) FROM app_user WHERE email = '" + ADMIN_EMAIL + "'");
                admin.next();
                assertThat(admin.getLong(1)).isEqualTo(1);
            }
        }
    }

    private Process start(int port, Path log, Map<String, String> env) throws IOException {
        Path jar = packagedJar();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                // A checkout under /tmp (CI) would otherwise be refused as a home for the embedded data.
                "--hub.db.allow-temporary-dir=true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("HUB_")
                || name.startsWith("STRIPE_") || name.startsWith("SMTP_") || name.equals("PUBLIC_URL"));
        environment.put("PORT", Integer.toString(port));
        environment.put("ADMIN_EMAIL", ADMIN_EMAIL);
        environment.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.putAll(env);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("commerce-hub-.+\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in target/: run ./mvnw verify, which packages it first"));
        }
    }

    private static void awaitReady(int port, Process app, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new AssertionError("the jar stopped with " + app.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
                if (readiness.statusCode() == 200 && readiness.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the jar was not ready within 3 minutes:\n" + tail(log));
    }

    private void signInWithABrowser(int port) throws IOException {
        browser = HeadlessChromium.start(1360, 900);
        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(ADMIN_EMAIL);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(ADMIN_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav-item[path='users']")));
        assertThat(browser.findElements(By.cssSelector("vaadin-dev-tools"))).as("no development toolbar").isEmpty();
        HeadlessChromium.screenshot(browser, "production-jar-shell.png");
    }

    private static List<ProcessHandle> mariadbProcessesUsing(Path dataDir) {
        String folder = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd")
                && c.contains(folder)).orElse(false)).toList();
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
