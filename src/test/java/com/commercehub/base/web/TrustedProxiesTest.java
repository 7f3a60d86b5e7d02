package com.commercehub.base.web;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private static boolean trusted(String list, String address) {
        return Pattern.compile(TrustedProxies.toRegex(list)).matcher(address).matches();
    }

    @Test
    void no_list_trusts_nobody_not_even_loopback_or_private_networks() {
        for (String address : new String[] {"127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "0:0:0:0:0:0:0:1"}) {
            assertThat(trusted("", address)).as(address).isFalse();
            assertThat(trusted(null, address)).as(address).isFalse();
        }
    }

    @Test
    void exact_addresses_match_only_themselves() {
        assertThat(trusted("127.0.0.1", "127.0.0.1")).isTrue();
        assertThat(trusted("127.0.0.1", "127.0.0.10")).isFalse();
        assertThat(trusted("127.0.0.1", "127a0b0c1")).as("dots are literal").isFalse();
        assertThat(trusted(" 10.1.2.3 , 127.0.0.1 ", "10.1.2.3")).isTrue();
        assertThat(trusted("0:0:0:0:0:0:0:1", "0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void cidr_ranges_match_exactly_their_addresses() {
        assertThat(trusted("10.0.0.0/8", "10.255.3.4")).isTrue();
        assertThat(trusted("10.0.0.0/8", "11.0.0.1")).isFalse();
        assertThat(trusted("172.16.0.0/12", "172.31.255.255")).isTrue();
        assertThat(trusted("172.16.0.0/12", "172.32.0.1")).isFalse();
        assertThat(trusted("172.16.0.0/12", "172.15.0.1")).isFalse();
        assertThat(trusted("192.168.4.0/23", "192.168.5.200")).isTrue();
        assertThat(trusted("192.168.4.0/23", "192.168.6.1")).isFalse();
        assertThat(trusted("192.168.4.7/32", "192.168.4.7")).isTrue();
        assertThat(trusted("192.168.4.7/32", "192.168.4.8")).isFalse();
        assertThat(trusted("0.0.0.0/0", "8.8.8.8")).isTrue();
    }

    @Test
    void a_bad_entry_is_named() {
        assertThatThrownBy(() -> TrustedProxies.toRegex("127.0.0.1, proxy.internal"))
                .hasMessageContaining("\"proxy.internal\"");
        assertThatThrownBy(() -> TrustedProxies.toRegex("10.0.0.0/33")).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.toRegex("300.0.0.1")).hasMessageContaining("300.0.0.1");
    }
}
