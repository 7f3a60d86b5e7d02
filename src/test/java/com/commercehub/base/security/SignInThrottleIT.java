package com.commercehub.base.security;

import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The login form over real HTTP: guessing is slowed down and every attempt is logged for admins. */
class SignInThrottleIT extends HttpSecurityTest {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SignInLog log;
    @Autowired
    JdbcClient jdbc;

    private String email;

    /** A user of the test's own: counts live in memory for the whole shared context. */
    @BeforeEach
    void oneUser(TestInfo test) {
        email = test.getTestMethod().orElseThrow().getName().substring(0, 20) + "@example.com";
        jdbc.sql("DELETE FROM app_user WHERE email = :email").param("email", email).update();
        jdbc.sql("DELETE FROM sign_in_event WHERE email = :email").param("email", email).update();
        AsAdmin.call(() -> users.create(email, "Guessed", PASSWORD, EnumSet.of(Role.SALES)));
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_is_refused_with_the_wait_on_the_login_page() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.signIn(email, "wrong guess " + i)).endsWith("/login?error");
        }
        // The fifth failure starts the lock, and its answer already says how long to wait.
        assertThat(browser.signIn(email, "wrong guess 4")).endsWith("/login?locked=1");
        assertThat(browser.signIn(email.toUpperCase(java.util.Locale.ROOT), PASSWORD)).endsWith("/login?locked=1");
        assertThat(browser.mayOpen("/products")).isFalse();

        var entries = AsAdmin.call(() -> log.page(email, PageRequest.of(0, 20)));
        assertThat(entries).extracting(SignInEntry::outcome).containsExactly(SignInOutcome.LOCKED,
                SignInOutcome.FAILED, SignInOutcome.FAILED, SignInOutcome.FAILED, SignInOutcome.FAILED,
                SignInOutcome.FAILED);
        assertThat(entries).allSatisfy(entry -> assertThat(entry.clientAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void a_successful_sign_in_is_logged_and_clears_the_account_count() throws Exception {
        StaffBrowser browser = new StaffBrowser(port);
        for (int i = 0; i < 4; i++) {
            browser.signIn(email, "wrong guess " + i);
        }
        assertThat(browser.signIn(email, PASSWORD)).doesNotContain("error").doesNotContain("locked");
        StaffBrowser later = new StaffBrowser(port);
        for (int i = 0; i < 4; i++) {
            later.signIn(email, "another guess " + i);
        }
        assertThat(later.signIn(email, PASSWORD)).doesNotContain("locked");
        var outcomes = AsAdmin.call(() -> log.page(email, PageRequest.of(0, 1)));
        assertThat(outcomes).extracting(SignInEntry::outcome).containsExactly(SignInOutcome.SUCCEEDED);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_a_plain_failure() throws Exception {
        // bcrypt compares only the first 72 bytes: the password plus anything must not sign in either way.
        assertThat(new StaffBrowser(port).signIn(email, "é".repeat(80))).endsWith("/login?error");
    }

    @Test
    void a_login_form_whose_session_expired_leads_to_a_fresh_login_page() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")
                .POST(HttpRequest.BodyPublishers.ofString("username=someone%40example.com&password=x&_csrf=stale"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?expired"));
    }
}
