package com.commercehub.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member signed in over plain HTTP, as a browser would: the login page's session and CSRF token, then the
 * form post. For tests of what a signed-in session may reach outside the Vaadin UI.
 */
public final class StaffHttpSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=[^;]+");

    /**
     * One client for every session (each request carries its session's cookie itself), as a browser keeps a few
     * connections: a client per session would hold one idle keep-alive connection open per session, and the server's
     * buffers for it would be counted by the session-memory benchmark as if they were the session's.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String cookie;

    private StaffHttpSession(String base) {
        this.base = base;
    }

    /** Signs in; fails the test when the credentials are not accepted. */
    public static StaffHttpSession signIn(int port, String email, String password) throws Exception {
        StaffHttpSession session = new StaffHttpSession("http://localhost:" + port);
        HttpResponse<String> login = session.get("/login");
        session.remember(login);
        Matcher csrf = CSRF.matcher(login.body());
        if (!csrf.find()) {
            throw new AssertionError("the login page carries no CSRF token");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Cookie", session.cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        session.remember(posted);
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new AssertionError("sign-in as " + email + " failed: " + posted.statusCode() + " " + location);
        }
        return session;
    }

    public HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The signed-in session's cookie ({@code JSESSIONID=...}), for a client that speaks to the same session. */
    public String cookie() {
        return cookie;
    }

    public String baseUrl() {
        return base;
    }

    private void remember(HttpResponse<?> response) {
        response.headers().allValues("Set-Cookie").forEach(value -> {
            Matcher session = SESSION.matcher(value);
            if (session.find()) {
                cookie = session.group();
            }
        });
    }
}
