package com.commercehub.base.security;

import com.commercehub.base.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NewSessionLimitTest {

    private final NewSessionLimit limit = new NewSessionLimit(new Messages(), 3);

    private static MockHttpServletRequest request(String path, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        request.addPreferredLocale(Locale.GERMAN);
        return request;
    }

    @Test
    void an_address_that_opened_its_budget_of_sessions_gets_429_for_staff_pages_only() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.admits(request("/login", "10.0.0.1"))).isTrue();
            limit.opened(request("/login", "10.0.0.1"));
        }
        assertThat(limit.admits(request("/login", "10.0.0.1"))).isFalse();
        assertThat(limit.admits(request("/login", "10.0.0.2"))).isTrue();
        assertThat(limit.admits(request("/quote/abc", "10.0.0.1"))).isTrue();
        assertThat(limit.admits(request("/sandbox/stripe/v1/customers", "10.0.0.1"))).isTrue();
        assertThat(limit.admits(request("/actuator/health/readiness", "10.0.0.1"))).isTrue();

        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.refuse(request("/login", "10.0.0.1"), response);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("60");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("Zu viele Anfragen");
    }
}
