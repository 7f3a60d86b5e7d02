package com.commercehub.testsupport;

import com.commercehub.base.security.Role;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.context.ActiveProfiles;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Browserless UI tests: the real Spring context on the embedded MariaDB, Vaadin mocked by
 * Karibu-Testing, and a signed-in user carried into both Spring Security and the fake request
 * that Vaadin's view access control reads.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("com.commercehub");

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /** Signs in as {@code email} with the given roles (the user need not exist in the database). */
    protected void login(String email, Role... roles) {
        Set<String> names = Arrays.stream(roles).map(Enum::name).collect(Collectors.toSet());
        UserDetails user = User.withUsername(email).password("unused").roles(names.toArray(String[]::new)).build();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        // As after a real sign-in, the context lives in the HTTP session, where Vaadin's
        // security-context strategy looks first; the thread-local copy serves code outside Vaadin.
        SecurityContext context = new SecurityContextImpl(authentication);
        SecurityContextHolder.setContext(context);
        VaadinSession.getCurrent().getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> names.contains(role.replaceFirst("^ROLE_", "")));
    }

    protected void logout() {
        if (VaadinSession.getCurrent() != null) {
            VaadinSession.getCurrent().getSession()
                    .removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }

    protected static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
