package com.commercehub.base.backup;

import com.commercehub.base.secrets.SecretCipher;
import com.commercehub.base.secrets.SecretProperties;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.quote.QuoteStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore commands against a real install (its own database on the test server, its own key file):
 * backup while the app runs, wipe data and key, restore, and the quote and the encrypted Stripe webhook secret are
 * back and readable with the restored key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hub.db.database=hub_backup", "hub.secrets.key-file=" + BackupRestoreIT.KEY_FILE})
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class BackupRestoreIT {

    static final String KEY_FILE = "target/test-data/backup-it/secret.key";
    private static final Path KEY = Path.of(KEY_FILE);

    @Autowired
    QuoteService quotes;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    ProductService products;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @TempDir
    Path dir;

    private record Outcome(int exit, String out, String err) {
    }

    /** Runs a command as {@code java -jar … <args>} would, with this test install's configuration. */
    private static Outcome command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--spring.profiles.active=test", "--hub.db.database=hub_backup",
                "--hub.secrets.key-file=" + KEY_FILE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BackupCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(String[]::new));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String storedWebhookSecret() {
        return jdbc.sql("SELECT webhook_secret_enc FROM stripe_connection WHERE disconnected_at IS NULL "
                + "AND webhook_secret_enc IS NOT NULL ORDER BY id DESC LIMIT 1").query(String.class).single();
    }

    private static String decryptWithKeyFile(String stored) {
        return new SecretCipher(new SecretProperties("", KEY)).decrypt("stripe.webhook-secret", stored);
    }

    @Test
    void backup_wipe_restore_brings_back_quotes_and_stored_secrets_readable_with_the_restored_key() throws Exception {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        var buyer = QuoteTestData.buyer(companies, contacts, Locale.GERMAN);
        QuoteDetails draft = quotes.createFromDeal(QuoteTestData.dealWithLines(deals, buyer).id());
        QuoteDetails published = quotes.publish(draft.id(), draft.version()).quote();
        String link = quotes.buyerLink(published.id()).orElseThrow();
        // The product table has a generated column (the SKU's key), which a dump must not try to write.
        long product = products.create(ProductTestData.oneTime("Workshop kit", "kit-1", "49.90", "EUR")).id();
        // The sandbox connection made at start keeps its webhook signing secret encrypted with the key file's key.
        String secret = decryptWithKeyFile(storedWebhookSecret());
        assertThat(secret).startsWith("whsec_");
        String key = Files.readString(KEY).trim();

        Path archive = dir.resolve("hub-backup.zip");
        Outcome backup = command("backup", archive.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written to").contains("schema version");
        assertThat(Files.getPosixFilePermissions(archive))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .containsExactlyInAnyOrder("dump.sql", "secret.key", "manifest.properties");
        }
        assertThat(command("backup", archive.toString()).exit()).as("an existing file is never overwritten")
                .isEqualTo(BackupCommand.REFUSED);

        // The disaster: the database's tables and the key file are gone.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = DATABASE()").query(String.class).list();
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            statement.execute("DROP TABLE " + String.join(", ", tables.stream().map(t -> "`" + t + "`").toList()));
            statement.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
        Files.delete(KEY);

        Outcome restore = command("restore", archive.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("Restored").contains("The secret key is in");

        assertThat(Files.readString(KEY).trim()).isEqualTo(key);
        assertThat(Files.getPosixFilePermissions(KEY))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(decryptWithKeyFile(storedWebhookSecret())).isEqualTo(secret);
        QuoteDetails back = quotes.get(published.id());
        assertThat(back.number()).isEqualTo(published.number());
        assertThat(back.title()).isEqualTo(published.title());
        assertThat(back.status()).isEqualTo(QuoteStatus.PUBLISHED);
        assertThat(back.totals()).isEqualTo(published.totals());
        assertThat(quotes.buyerLink(published.id())).contains(link);
        assertThat(products.get(product).sku()).isEqualTo("kit-1");
        assertThat(jdbc.sql("SELECT sku_key FROM product WHERE id = :id").param("id", product).query(String.class)
                .single()).isEqualTo("KIT-1");

        // Restoring again would overwrite live data: refused, nothing touched.
        Outcome again = command("restore", archive.toString());
        assertThat(again.exit()).isEqualTo(BackupCommand.REFUSED);
        assertThat(again.err()).contains("is not empty").contains("--force");
        assertThat(quotes.get(published.id()).number()).isEqualTo(published.number());

        // With HUB_SECRET_KEY set to another key, the operator is told to use the backup's key instead.
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        Outcome withEnvironmentKey = command("restore", archive.toString(), "--force", "--hub.secrets.key=" + otherKey);
        assertThat(withEnvironmentKey.exit()).as(withEnvironmentKey.err()).isZero();
        assertThat(withEnvironmentKey.out()).contains("set HUB_SECRET_KEY").contains("secret.key");
        assertThat(Files.readString(KEY).trim()).isEqualTo(key);
        assertThat(quotes.get(published.id()).number()).isEqualTo(published.number());
    }

    @Test
    void a_damaged_archive_is_refused_before_the_database_is_touched() throws Exception {
        Path junk = dir.resolve("not-a-backup.zip");
        Files.writeString(junk, "hello");
        int quotesBefore = jdbc.sql("SELECT COUNT(*) FROM quote").query(Integer.class).single();
        Outcome restore = command("restore", junk.toString(), "--force");
        assertThat(restore.exit()).isEqualTo(BackupCommand.REFUSED);
        assertThat(restore.err()).contains("not a Commerce Hub backup");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quote").query(Integer.class).single()).isEqualTo(quotesBefore);
    }
}
