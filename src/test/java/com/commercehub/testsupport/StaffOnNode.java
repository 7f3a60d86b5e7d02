package com.commercehub.testsupport;

import com.commercehub.base.security.Role;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.util.List;
import java.util.function.Supplier;

/** Service calls as a signed-in sales rep and admin on one of several application contexts in one JVM. */
public final class StaffOnNode {

    private StaffOnNode() {
    }

    /** Signs in on {@code node}: each node's Vaadin security installs its own JVM-wide strategy. */
    public static void useSecurityOf(ConfigurableApplicationContext node) {
        node.getBeanProvider(SecurityContextHolderStrategy.class).ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }

    public static <T> T call(ConfigurableApplicationContext node, String email, Supplier<T> work) {
        useSecurityOf(node);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                email, null, List.of(new SimpleGrantedAuthority(Role.SALES.authority()),
                        new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
