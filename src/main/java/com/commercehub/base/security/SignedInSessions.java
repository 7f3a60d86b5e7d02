package com.commercehub.base.security;

import com.commercehub.base.secrets.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Judges each request's session before Spring Security's filter chain (order -100) sees it. A signed-in
 * session whose user has since been disabled, deleted, given other roles or a new password is ended on
 * its next request — on any node, since the users table is asked — so the browser lands on the login
 * page. Once a session signs in it gets the full {@code SESSION_TIMEOUT}; until then it lives only the
 * short anonymous lifetime ({@link AnonymousSessionLifetime}), and each client address may open only
 * so many new sessions a minute ({@link NewSessionLimit}).
 */
@Component
@Order(-102)
class SignedInSessions extends OncePerRequestFilter {

    /** The session attribute holding a digest of the password hash the session signed in with. */
    static final String PASSWORD_STAMP = SignedInSessions.class.getName() + ".passwordStamp";

    private static final Logger log = LoggerFactory.getLogger(SignedInSessions.class);

    private final UserService users;
    private final NewSessionLimit newSessions;
    private final int signedInSeconds;

    SignedInSessions(UserService users, NewSessionLimit newSessions,
                     @Value("${server.servlet.session.timeout:30m}") Duration signedInTimeout) {
        this.users = users;
        this.newSessions = newSessions;
        this.signedInSeconds = (int) signedInTimeout.toSeconds();
    }

    static String passwordStamp(String passwordHash) {
        return Sha256.hex(passwordHash);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // Static files carry no rights; Vaadin's push would be /VAADIN/push, which the app does not use.
        return path.startsWith("/VAADIN/") || path.startsWith("/styles/") || path.startsWith("/sandbox/")
                || path.equals("/stripe/webhook");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            signedIn(session).ifPresent(authentication -> {
                Optional<String> reason = outdated(authentication, session);
                if (reason.isPresent()) {
                    log.info("Ended a session of {}: {}", authentication.getName(), reason.get());
                    session.invalidate();
                }
            });
        } else if (!newSessions.admits(request)) {
            newSessions.refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
        afterwards(request);
    }

    private void afterwards(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            if (session.isNew()) {
                newSessions.opened(request);
            }
            if (signedIn(session).isPresent()) {
                if (session.getMaxInactiveInterval() != signedInSeconds) {
                    session.setMaxInactiveInterval(signedInSeconds);
                }
                if (session.getAttribute(PASSWORD_STAMP) == null) {
                    signedIn(session).flatMap(a -> users.signInState(a.getName()))
                            .ifPresent(state -> session.setAttribute(PASSWORD_STAMP, state.passwordStamp()));
                }
            }
        } catch (IllegalStateException invalidated) {
            // Signed out during the request: nothing left to adjust.
        }
    }

    private static Optional<Authentication> signedIn(HttpSession session) {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                instanceof SecurityContext context && context.getAuthentication() != null
                && context.getAuthentication().isAuthenticated()
                ? Optional.of(context.getAuthentication()) : Optional.empty();
    }

    /** Why the session may no longer act for its user, or empty when it still may. */
    private Optional<String> outdated(Authentication authentication, HttpSession session) {
        Optional<SignInState> current = users.signInState(authentication.getName());
        if (current.isEmpty()) {
            return Optional.of("the user no longer exists");
        }
        if (!current.get().enabled()) {
            return Optional.of("the user was disabled");
        }
        // Only the roles: Spring Security adds others of its own, such as the factor that signed in.
        Set<String> granted = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).collect(Collectors.toSet());
        Set<String> now = current.get().roles().stream().map(Role::authority).collect(Collectors.toSet());
        if (!granted.equals(now)) {
            return Optional.of("the user's roles changed");
        }
        Object stamp = session.getAttribute(PASSWORD_STAMP);
        if (stamp != null && !stamp.equals(current.get().passwordStamp())) {
            return Optional.of("the password was changed");
        }
        return Optional.empty();
    }
}
