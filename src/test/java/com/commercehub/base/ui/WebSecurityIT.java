package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The web layer over real HTTP: sign-in required, CSRF on, no foreign framing, the stylesheet and the icon public. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void staff_pages_redirect_anonymous_visitors_to_login() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products")));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void a_login_post_without_csrf_token_signs_nobody_in() throws Exception {
        jdbc.sql("DELETE FROM app_user WHERE email = 'csrf@example.com'").update();
        AsAdmin.call(() -> users.create("csrf@example.com", "Csrf", "correct password 1", EnumSet.of(Role.ADMIN)));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=csrf%40example.com&password=correct+password+1")));
        assertThat(response.statusCode()).isIn(302, 403);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotEndWith(port + "/");

        // Whatever session cookie came back, it is not signed in.
        String cookie = response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse("");
        HttpResponse<String> after = send(HttpRequest.newBuilder(uri("/products")).header("Cookie", cookie));
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void pages_may_not_be_framed_and_the_stylesheet_is_public() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        HttpResponse<String> css = send(HttpRequest.newBuilder(uri("/styles/commerce-hub.css")));
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".sandbox-badge");
    }

    @Test
    void every_page_names_its_icon_and_the_icon_is_served_to_anyone() throws Exception {
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")));
        assertThat(login.body()).containsPattern("<link(?=[^>]*rel=\"icon\")(?=[^>]*href=\"styles/favicon.svg\")[^>]*>");
        HttpResponse<String> icon = send(HttpRequest.newBuilder(uri("/styles/favicon.svg")));
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(icon.body()).startsWith("<svg");
    }
}
