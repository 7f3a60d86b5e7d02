package com.commercehub;

import com.commercehub.base.db.SharedTestServer;
import com.commercehub.testsupport.HeadlessChromium;
import com.commercehub.testsupport.ProductionJar;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
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

    private static final String ADMIN_EMAIL = "ops@example.com";
    private static final String ADMIN_PASSWORD = "production password 1";

    private final List<ProductionJar> started = new ArrayList<>();
    private WebDriver browser;

    @AfterEach
    void stopEverything() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        for (ProductionJar jar : started) {
            jar.close();
        }
    }

    @Test
    void the_jar_starts_in_production_mode_on_its_own_embedded_database_and_stops_cleanly() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "production-jar", "data-" + UUID.randomUUID()));
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        ProductionJar app = start(log, Map.of("HUB_DATA_DIR", dataDir.toAbsolutePath().toString()));
        int port = app.port();

        String output = Files.readString(log);
        assertThat(output).contains("Vaadin is running in production mode").contains("Starting embedded MariaDB");
        assertThat(dataDir.resolve("mariadb").resolve("data")).isDirectory();
        assertThat(dataDir.resolve("secret.key")).exists();

        // The production bundle is served; nothing of the development tools is.
        HttpResponse<String> login = app.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).doesNotContainIgnoringCase("vaadin-dev-tools").doesNotContain("devToolsEnabled")
                .doesNotContainIgnoringCase("development mode");
        Matcher script = Pattern.compile("src=\"(\\./)?(VAADIN/build/[^\"]+\\.js)\"").matcher(login.body());
        assertThat(script.find()).as("the page loads the production bundle").isTrue();
        assertThat(app.get("/" + script.group(2)).statusCode()).isEqualTo(200);

        signInWithABrowser(port);

        // SIGTERM, as systemd stops it: the app shuts down and takes its MariaDB with it.
        assertThat(app.stop(Duration.ofSeconds(90))).as("stopped within 90 s").isTrue();
        assertThat(mariadbProcessesUsing(dataDir)).isEmpty();
        assertThat(Files.readString(log)).doesNotContain("Exception in thread");
    }

    @Test
    void the_jar_runs_on_an_external_database_given_by_db_url() throws Exception {
        SharedTestServer.Database external = SharedTestServer.freshDatabase("hub_jar_external");
        try (AutoCloseable lease = external.lease()) {
            Path dataDir = Files.createDirectories(Path.of("target", "production-jar", "ext-" + UUID.randomUUID()));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            start(log, Map.of("HUB_DATA_DIR", dataDir.toAbsolutePath().toString(),
                    "DB_URL", external.jdbcUrl(), "DB_USER", external.username(), "DB_PASSWORD", external.password()));

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

    private ProductionJar start(Path log, Map<String, String> env) throws Exception {
        Map<String, String> withAdmin = new HashMap<>(env);
        withAdmin.put("ADMIN_EMAIL", ADMIN_EMAIL);
        withAdmin.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        ProductionJar jar = ProductionJar.start(ProductionJar.freePort(), log, withAdmin);
        started.add(jar);
        return jar.awaitReady();
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
}
