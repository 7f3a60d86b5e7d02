package com.commercehub.base.web;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.StaffHttpSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Load balancers and systemd probe liveness and readiness without an account and learn nothing but UP/DOWN. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HealthEndpointsIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> anonymous(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void liveness_and_readiness_answer_anonymous_callers_with_the_status_only() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> response = anonymous(probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
        }
        // The overall health names its two groups, nothing of what they check.
        HttpResponse<String> overall = anonymous("/actuator/health");
        assertThat(overall.statusCode()).isEqualTo(200);
        assertThat(overall.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("db")
                .doesNotContain("details");
    }

    @Test
    void no_other_actuator_endpoint_is_reachable() throws Exception {
        for (String endpoint : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/metrics", "/actuator/loggers", "/actuator/heapdump", "/actuator/threaddump",
                "/actuator/mappings", "/actuator/info", "/actuator/health/db")) {
            HttpResponse<String> response = anonymous(endpoint);
            assertThat(response.statusCode()).as(endpoint).isNotEqualTo(200);
            assertThat(response.body()).as(endpoint).doesNotContain("\"status\"").doesNotContain("mariadb");
        }
    }

    @Test
    void an_administrator_sees_that_readiness_includes_the_database() throws Exception {
        jdbc.sql("DELETE FROM app_user WHERE email IN ('health-admin@example.com', 'health-sales@example.com')").update();
        AsAdmin.call(() -> users.create("health-admin@example.com", "Hal Health", "health password 123",
                EnumSet.of(Role.ADMIN)));
        AsAdmin.call(() -> users.create("health-sales@example.com", "Sal Sales", "health password 123",
                EnumSet.of(Role.SALES)));

        StaffHttpSession admin = StaffHttpSession.signIn(port, "health-admin@example.com", "health password 123");
        HttpResponse<String> readiness = admin.get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"readinessState\"").contains("MariaDB");
        assertThat(admin.get("/actuator/health/liveness").body()).contains("livenessState").doesNotContain("\"db\"");
        // Still nothing beyond health, even for an administrator (the app's own page answers instead).
        for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump")) {
            assertThat(admin.get(endpoint).body()).as(endpoint).doesNotContain("propertySources")
                    .doesNotContain("\"contexts\"").doesNotContain("HPROF");
        }

        StaffHttpSession sales = StaffHttpSession.signIn(port, "health-sales@example.com", "health password 123");
        assertThat(sales.get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
