package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The signed-in staff user, as the views need them. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final UserService users;

    CurrentUser(AuthenticationContext authentication, UserService users) {
        this.authentication = authentication;
        this.users = users;
    }

    public Optional<String> email() {
        return authentication.getAuthenticatedUser(UserDetails.class).map(UserDetails::getUsername)
                .or(authentication::getPrincipalName);
    }

    public Optional<UserSummary> summary() {
        return email().flatMap(users::findByEmail);
    }

    public boolean hasRole(Role role) {
        return authentication.hasRole(role.name());
    }

    public void logout() {
        authentication.logout();
    }
}
