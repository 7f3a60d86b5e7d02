package com.commercehub.checkout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where buyers reach this server, for the URLs Stripe sends them back to: PUBLIC_URL when set (behind
 * a proxy the request's own address is not what buyers can reach), else the address of the buyer's
 * request, else this server on loopback (a call outside any request, as in tests).
 */
@Component
class PublicAddress {

    private final String publicUrl;
    private final Environment environment;

    PublicAddress(@Value("${hub.public-url:}") String publicUrl, Environment environment) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    String base() {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
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
