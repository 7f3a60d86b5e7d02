package com.commercehub.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;

/**
 * Stands before the form login: while an account or a client address is locked by
 * {@link SignInThrottle}, the password is not even checked and the login page says how long to wait.
 * A login form whose session has expired (left open over the anonymous lifetime, a laptop asleep) is
 * sent back to a fresh login page instead of failing on its outdated CSRF token.
 */
@Component
@Order(-101)
class SignInGuard extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final SignInLog log;

    SignInGuard(SignInThrottle throttle, SignInLog log) {
        this.throttle = throttle;
        this.log = log;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) == null) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        String email = request.getParameter("username");
        String address = request.getRemoteAddr();
        Duration locked = throttle.lockedFor(email, address);
        if (locked.isPositive()) {
            if (throttle.shouldLogLock(email, address)) {
                log.record(email, address, SignInOutcome.LOCKED);
            }
            response.sendRedirect(lockedPage(request, locked));
            return;
        }
        // The failure that starts a lock already says so, rather than "incorrect" once more.
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                Duration nowLocked = location.contains("/login?error") ? throttle.lockedFor(email, address) : Duration.ZERO;
                super.sendRedirect(nowLocked.isPositive() ? lockedPage(request, nowLocked) : location);
            }
        });
    }

    private static String lockedPage(HttpServletRequest request, Duration locked) {
        long minutes = Math.max(1, (locked.toSeconds() + 59) / 60);
        return request.getContextPath() + "/login?locked=" + minutes;
    }
}
