package com.commercehub.base.ui;

import com.commercehub.base.security.UserService;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in with e-mail and password; says where to go when the first admin does not exist yet. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm login = new LoginForm();
    final Paragraph firstRunHint = new Paragraph();
    final LoginI18n i18n = LoginI18n.createDefault();

    LoginView(UserService users) {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("app.name"));
        form.setUsername(getTranslation("login.email"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setUsername(getTranslation("login.error.email-required"));
        error.setPassword(getTranslation("login.error.password-required"));
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");

        firstRunHint.setText(getTranslation("login.first-run"));
        firstRunHint.setVisible(!users.anyUserExists());
        add(login, firstRunHint);
    }

    /** {@code ?error} after a failed sign-in, {@code ?locked=N} while throttled, {@code ?expired} for a stale form. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        var error = i18n.getErrorMessage();
        var locked = parameters.getSingleParameter("locked").map(LoginView::minutes);
        if (locked.isPresent()) {
            error.setTitle(getTranslation("login.locked.title"));
            error.setMessage(getTranslation("login.locked.message", locked.get()));
        } else if (parameters.getParameters().containsKey("expired")) {
            error.setTitle(getTranslation("login.expired.title"));
            error.setMessage(getTranslation("login.expired.message"));
        } else {
            error.setTitle(getTranslation("login.error.title"));
            error.setMessage(getTranslation("login.error.message"));
        }
        login.setI18n(i18n);
        login.setError(locked.isPresent() || parameters.getParameters().containsKey("expired")
                || parameters.getParameters().containsKey("error"));
    }

    private static int minutes(String value) {
        try {
            return Math.clamp(Integer.parseInt(value), 1, 60);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
