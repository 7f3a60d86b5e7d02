package com.commercehub.automation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookAddressGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fd00::1", "fc00::1", "fe80::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "255.255.255.255"})
    void internal_addresses_count_as_private(String literal) throws Exception {
        assertThat(WebhookAddressGuard.isPrivate(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:2800:220:1::1",
            "2a00:1450:4001::200e"})
    void public_addresses_do_not(String literal) throws Exception {
        assertThat(WebhookAddressGuard.isPrivate(InetAddress.getByName(literal))).isFalse();
    }
}
