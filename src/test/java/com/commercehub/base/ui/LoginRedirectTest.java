package com.commercehub.base.ui;

import com.commercehub.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;

class LoginRedirectTest extends KaribuTest {

    @Test
    void anonymous_visitor_of_the_start_page_is_sent_to_login() {
        navigate("");
        _assertOne(LoginView.class);
        _assertNone(HomeView.class);
        _assertNone(MainLayout.class);
    }

    @Test
    void anonymous_visitor_of_an_admin_page_is_sent_to_login() {
        navigate("users");
        _assertOne(LoginView.class);
        _assertNone(UsersView.class);
    }
}
