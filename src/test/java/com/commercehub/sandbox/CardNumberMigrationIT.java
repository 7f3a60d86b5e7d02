package com.commercehub.sandbox;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V33 on rows as the sandbox stored them before it: the whole card number goes, which test card it was stays (so
 * saved cards keep their outcomes), and stored idempotent answers lose any expanded number.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CardNumberMigrationIT {

    @Autowired
    JdbcClient jdbc;

    private void insertMethod(String id, String number) {
        String last4 = number.substring(number.length() - 4);
        jdbc.sql("INSERT INTO sandbox_object (id, object_type, created, body) VALUES (:id, 'payment_method', 1, :body)")
                .param("id", id).param("body", "{\"id\":\"" + id + "\",\"object\":\"payment_method\",\"card\":{\"brand\":"
                        + "\"visa\",\"last4\":\"" + last4 + "\"},\"type\":\"card\",\"_number\":\"" + number + "\"}").update();
    }

    private Map<String, Object> body(String id) {
        return SandboxJson.read(jdbc.sql("SELECT body FROM sandbox_object WHERE id = :id").param("id", id)
                .query(String.class).single());
    }

    /** The migration's UPDATE statements, run again on the rows this test made. */
    private void migrate() throws Exception {
        String script = Files.readString(Path.of("db/migration/V33__sandbox_api_key_and_card_numbers.sql"));
        Arrays.stream(script.replaceAll("(?m)^--.*$", "").split(";")).map(String::trim)
                .filter(s -> s.startsWith("UPDATE")).forEach(s -> jdbc.sql(s).update());
    }

    @Test
    void stored_card_numbers_are_replaced_by_the_test_card_they_were() throws Exception {
        String suffix = SandboxIds.random(8);
        insertMethod("pm_old_fails_" + suffix, "4000000000000341");
        insertMethod("pm_old_visa_" + suffix, "4242424242424242");
        insertMethod("pm_old_real_" + suffix, "4539148803436467");
        jdbc.sql("INSERT INTO sandbox_idempotency (key_scope, idem_key, request_path, params_hash, status, response_body,"
                        + " created_at) VALUES (:scope, 'old', 'POST /v1/payment_intents', :scope, 200, :body, NOW())")
                .param("scope", "s".repeat(56) + suffix)
                .param("body", "{\"payment_method\":{\"id\":\"pm_x\",\"number\":\"4539148803436467\"}}").update();

        migrate();

        assertThat(body("pm_old_fails_" + suffix)).doesNotContainKey("_number").containsEntry("_test_card", "CHARGES_FAIL");
        assertThat(body("pm_old_visa_" + suffix)).doesNotContainKey("_number").containsEntry("_test_card", "SUCCESS");
        Map<String, Object> real = body("pm_old_real_" + suffix);
        assertThat(real).doesNotContainKey("_number").containsEntry("_test_card", "INCORRECT_NUMBER");
        assertThat(real.get("card")).isEqualTo(Map.of("brand", "visa", "last4", "6467"));
        assertThat(TestCard.of(body("pm_old_fails_" + suffix))).isEqualTo(TestCard.CHARGES_FAIL);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_object WHERE body LIKE '%4539148803436467%'"
                + " OR body LIKE '%\"\\_number\"%'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT response_body FROM sandbox_idempotency WHERE key_scope = :scope")
                .param("scope", "s".repeat(56) + suffix).query(String.class).single())
                .doesNotContain("4539148803436467").contains("\"number\":null");
    }
}
