package com.commercehub.base.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Every session starts with the short anonymous lifetime: a visitor who never signs in (a bot hammering
 * the login page) costs memory for minutes, not for the whole {@code SESSION_TIMEOUT}.
 * {@link SignedInSessions} gives a session the full timeout once it signs in.
 */
@Component
class AnonymousSessionLifetime implements HttpSessionListener {

    private final int seconds;

    AnonymousSessionLifetime(@Value("${hub.security.anonymous-session-timeout:2m}") Duration timeout) {
        this.seconds = (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(seconds);
    }
}
