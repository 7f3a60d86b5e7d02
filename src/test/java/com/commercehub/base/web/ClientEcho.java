package com.commercehub.base.web;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Test-only: {@code /test/client} answers with what the app believes about the caller — address, scheme, secure,
 * host — as every feature (rate limits, audit, the sandbox's same-machine check) reads it.
 */
@TestConfiguration
class ClientEcho {

    @Bean
    FilterRegistrationBean<Filter> clientEchoFilter() {
        Filter echo = (request, response, chain) -> {
            String body = request.getRemoteAddr() + " " + request.getScheme() + " " + request.isSecure() + " "
                    + request.getServerName();
            response.setContentType("text/plain");
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(echo);
        registration.addUrlPatterns("/test/client");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
