package com.commercehub.base.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Counts and logs what the form login decided; the password itself is never looked at here. */
@Component
class SignInEvents {

    private final SignInThrottle throttle;
    private final SignInLog log;

    SignInEvents(SignInThrottle throttle, SignInLog log) {
        this.throttle = throttle;
        this.log = log;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            throttle.succeeded(authentication.getName());
            log.record(authentication.getName(), details.getRemoteAddress(), SignInOutcome.SUCCEEDED);
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent
                || event instanceof AuthenticationFailureDisabledEvent)) {
            // Not the user's doing (the database was unreachable, say): nothing to count.
            return;
        }
        Authentication attempt = event.getAuthentication();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.failed(attempt.getName(), address);
        log.record(attempt.getName(), address,
                event.getException() instanceof DisabledException ? SignInOutcome.DISABLED : SignInOutcome.FAILED);
    }
}
