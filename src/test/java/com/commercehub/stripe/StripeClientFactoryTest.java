package com.commercehub.stripe;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StripeClientFactoryTest {

    private final LocalServerAddress local = new LocalServerAddress(new MockEnvironment().withProperty("server.port", "9123"));

    private static final String SANDBOX_KEY = "sk_test_thisInstallsOwnSandboxKey0001";

    private StripeClientFactory factory(String key, String base) {
        return new StripeClientFactory(new StripeProperties(key, base, 2, Duration.ofSeconds(5), Duration.ofSeconds(20), 2,
                Duration.ofMillis(500)),
                local, () -> SANDBOX_KEY);
    }

    @Test
    void without_a_key_the_sandbox_on_this_server_is_used() {
        StripeClientFactory factory = factory("", "");
        assertThat(factory.apiBaseFor(SANDBOX_KEY)).isEqualTo("http://127.0.0.1:9123/sandbox/stripe");
        assertThat(new StripeProperties("", "", 2, Duration.ZERO, Duration.ZERO, 2, Duration.ZERO).sandbox()).isTrue();
    }

    @Test
    void a_real_key_goes_to_stripe() {
        assertThat(factory("rk_live_abc", "").apiBaseFor("rk_live_abc")).isEqualTo("https://api.stripe.com");
        assertThat(new StripeProperties("rk_live_abc", "", 2, Duration.ZERO, Duration.ZERO, 2, Duration.ZERO).sandbox()).isFalse();
    }

    @Test
    void forced_sandbox_sends_even_pasted_keys_to_the_sandbox() {
        assertThat(factory("", "sandbox").apiBaseFor("sk_test_pasted")).isEqualTo("http://127.0.0.1:9123/sandbox/stripe");
        assertThat(new StripeProperties("sk_test_x", "sandbox", 2, Duration.ZERO, Duration.ZERO, 2, Duration.ZERO).sandbox()).isTrue();
    }
}
