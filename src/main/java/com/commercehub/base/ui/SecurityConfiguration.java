package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.web.PublicAddress;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Staff pages need a login; views and services declare who may use them. Vaadin's configurer keeps
 * CSRF protection on for everything but its own already-protected internal requests. The Stripe
 * sandbox (its API authenticates by Bearer key, its hosted pages are the buyer's) and the webhook
 * receiver (verified by signature) are not staff pages: no login, no session CSRF token.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(securedEnabled = true)
class SecurityConfiguration {

    static final String[] MACHINE_ENDPOINTS = {"/sandbox/**", "/stripe/webhook"};
    // Buyer pages: the unguessable token in the address is the credential, and buyers carry no
    // cookie that a forged cross-site form could ride on, so a session CSRF token adds nothing —
    // and would cost every buyer a server session.
    static final String[] BUYER_PAGES = {"/quote/**", "/buyer/**", "/pay/**", "/invoice/**", "/portal", "/portal/**"};
    // Load balancers and systemd probe these without an account; they answer only UP or DOWN to them.
    static final String STAFF_DOCUMENTS = "/staff/**";
    static final String[] HEALTH_PROBES = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, PublicAddress publicAddress)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/styles/**", "/js/**").permitAll()
                .requestMatchers(MACHINE_ENDPOINTS).permitAll()
                .requestMatchers(BUYER_PAGES).permitAll()
                .requestMatchers(HEALTH_PROBES).permitAll()
                // Staff documents outside Vaadin (previews, PDFs): any signed-in user; each checks its own role.
                .requestMatchers(STAFF_DOCUMENTS).authenticated()
                .requestMatchers("/actuator/**").hasRole(Role.Names.ADMIN));
        // The builder shows the buyer page in a frame; nobody else may frame the app. Headers are written before
        // the request is handled: Vaadin writes its pages past the point where they would be added on commit.
        http.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        // Behind TLS (an https PUBLIC_URL) browsers are told to use https only. Every response carries it, as
        // the proxy may forward plain http to the app; otherwise Spring's default sends it on https requests only.
        if (publicAddress.isHttps()) {
            http.headers(headers -> headers.httpStrictTransportSecurity(hsts -> hsts
                    .requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(Duration.ofDays(365).toSeconds())));
        }
        // Vaadin would exempt the login form from CSRF checks; we keep them on for it too (no login
        // CSRF), exempting only the machine endpoints, which authenticate by Stripe key or webhook
        // signature, and Vaadin's internal requests, which carry Vaadin's own CSRF token. The machine
        // endpoints come first: Vaadin's check reads request parameters, which would consume their
        // form-encoded bodies.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(MACHINE_ENDPOINTS).ignoringRequestMatchers(BUYER_PAGES)
                .ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class);
            vaadin.enableCsrfConfiguration(false);
        }).build();
    }

    /** bcrypt today, with the algorithm recorded in each hash so it can be raised later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
