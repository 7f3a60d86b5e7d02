package com.commercehub.base.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address people use to reach the app ({@code PUBLIC_URL}), when one is configured. An https address means
 * the app sits behind TLS: its cookies are marked Secure and browsers are told to keep to https (HSTS), whatever
 * scheme the proxy forwards with. {@link #base()} is where to send a buyer back to.
 */
@Component
public class PublicAddress {

    private final URI uri;
    private final Environment environment;

    public PublicAddress(@Value("${hub.public-url:}") String publicUrl, Environment environment) {
        this.uri = parse(publicUrl);
        this.environment = environment;
    }

    static URI parse(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            return null;
        }
        URI parsed;
        try {
            parsed = URI.create(publicUrl.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PUBLIC_URL is not an address: " + publicUrl.strip());
        }
        String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || parsed.getHost() == null) {
            throw new IllegalStateException(
                    "PUBLIC_URL must be an http:// or https:// address such as https://hub.example.com, not " + publicUrl.strip());
        }
        return parsed;
    }

    /** The configured address without a trailing slash, e.g. {@code https://hub.example.com}. */
    public Optional<String> url() {
        return Optional.ofNullable(uri).map(URI::toString);
    }

    public boolean isHttps() {
        return uri != null && "https".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Where people reach this server, for links and return addresses: PUBLIC_URL when set (behind a proxy the
     * request's own address is not what buyers can reach), else the address of the current request — it only
     * ever sends that same caller back to where they came from — else this server on loopback (work outside
     * any request, as in tests).
     */
    public String base() {
        if (uri != null) {
            return uri.toString();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            boolean defaultPort = ("http".equals(request.getScheme()) && request.getServerPort() == 80)
                    || ("https".equals(request.getScheme()) && request.getServerPort() == 443);
            return request.getScheme() + "://" + request.getServerName()
                    + (defaultPort ? "" : ":" + request.getServerPort()) + request.getContextPath();
        }
        int port = environment.getProperty("local.server.port", Integer.class,
                environment.getProperty("server.port", Integer.class, 8080));
        return "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "");
    }
}
