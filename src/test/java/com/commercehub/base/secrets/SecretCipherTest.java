package com.commercehub.base.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    @TempDir
    Path dir;

    private SecretCipher cipherWithKeyFile() {
        return new SecretCipher(new SecretProperties("", dir.resolve("data/secret.key")));
    }

    @Test
    void round_trips_and_never_stores_the_plaintext() {
        SecretCipher cipher = cipherWithKeyFile();
        String stored = cipher.encrypt("stripe.api-key", "rk_test_51Abcdefghijklmnop1234");
        assertThat(stored).startsWith("v1:").doesNotContain("rk_test").doesNotContain("1234");
        assertThat(cipher.decrypt("stripe.api-key", stored)).isEqualTo("rk_test_51Abcdefghijklmnop1234");
        assertThat(cipher.encrypt("stripe.api-key", "rk_test_51Abcdefghijklmnop1234")).isNotEqualTo(stored);
    }

    @Test
    void key_file_is_created_once_with_owner_only_permissions_and_reused() throws Exception {
        SecretCipher first = cipherWithKeyFile();
        Path file = dir.resolve("data/secret.key");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String keyBefore = Files.readString(file);
        String stored = first.encrypt("p", "whsec_abc");
        SecretCipher afterRestart = cipherWithKeyFile();
        assertThat(Files.readString(file)).isEqualTo(keyBefore);
        assertThat(afterRestart.decrypt("p", stored)).isEqualTo("whsec_abc");
    }

    @Test
    void key_from_environment_wins_over_the_file() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretCipher fromEnv = new SecretCipher(new SecretProperties(key, dir.resolve("unused.key")));
        String stored = fromEnv.encrypt("p", "secret");
        assertThat(dir.resolve("unused.key")).doesNotExist();
        assertThat(new SecretCipher(new SecretProperties(key, null)).decrypt("p", stored)).isEqualTo("secret");
    }

    @Test
    void altered_ciphertext_other_purpose_or_other_key_do_not_decrypt() {
        SecretCipher cipher = cipherWithKeyFile();
        String stored = cipher.encrypt("stripe.api-key", "sk_test_123456789");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt("stripe.api-key", altered)).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("stripe.webhook-secret", stored)).isInstanceOf(SecretDecryptionException.class);
        SecretCipher other = new SecretCipher(new SecretProperties("", dir.resolve("other.key")));
        assertThatThrownBy(() -> other.decrypt("stripe.api-key", stored)).isInstanceOf(SecretDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("stripe.api-key", "sk_test_plain")).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void a_malformed_environment_key_stops_start_up_with_a_clear_message() {
        assertThatThrownBy(() -> new SecretCipher(new SecretProperties("not base64!", null)))
                .hasMessageContaining("HUB_SECRET_KEY");
        assertThatThrownBy(() -> new SecretCipher(new SecretProperties(Base64.getEncoder().encodeToString(new byte[5]), null)))
                .hasMessageContaining("bits");
    }

    @Test
    void only_the_last_four_characters_are_shown() {
        assertThat(SecretCipher.lastFour("rk_live_fake_key_9XyZ")).isEqualTo("••••9XyZ");
        assertThat(SecretCipher.lastFour("short")).isEqualTo("••••");
        assertThat(Set.of(SecretCipher.lastFour(null))).containsExactly("••••");
    }
}
