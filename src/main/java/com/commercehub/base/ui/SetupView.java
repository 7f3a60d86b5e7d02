package com.commercehub.base.ui;

import com.commercehub.base.security.FirstRunSetup;
import com.commercehub.base.security.PasswordPolicy;
import com.commercehub.base.security.UserValidationException;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The page behind the one-time setup link: the first visitor creates the administrator. */
@Route(value = "setup/:token", autoLayout = false)
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The form's values; a plain bean so Binder can validate them before anything is stored. */
    static final class Form {
        String email = "";
        String name = "";
        String password = "";
        String confirmation = "";
    }

    final EmailField email = new EmailField();
    final TextField name = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button create = new Button();
    final Paragraph invalidLink = new Paragraph();
    final FormLayout form = new FormLayout();

    private final FirstRunSetup setup;
    private final Binder<Form> binder = new Binder<>();
    private String token;

    SetupView(FirstRunSetup setup) {
        this.setup = setup;
        addClassName("setup-view");
        setAlignItems(Alignment.CENTER);

        email.setLabel(getTranslation("setup.email"));
        name.setLabel(getTranslation("setup.name"));
        password.setLabel(getTranslation("setup.password"));
        password.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        confirmation.setLabel(getTranslation("setup.confirm"));
        create.setText(getTranslation("setup.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> submit());

        binder.forField(email).asRequired(getTranslation("user.email.invalid"))
                .withValidator(new EmailValidator(getTranslation("user.email.invalid")))
                .bind(f -> f.email, (f, v) -> f.email = v);
        binder.forField(name).asRequired(getTranslation("user.name.required"))
                .bind(f -> f.name, (f, v) -> f.name = v);
        binder.forField(password).asRequired(getTranslation("password.too-short", PasswordPolicy.MIN_LENGTH))
                .withValidator(PasswordRules.validator(this, false))
                .bind(f -> f.password, (f, v) -> f.password = v);
        binder.forField(confirmation).asRequired(getTranslation("setup.confirm.mismatch"))
                .withValidator(c -> c.equals(password.getValue()), getTranslation("setup.confirm.mismatch"))
                .bind(f -> f.confirmation, (f, v) -> f.confirmation = v);

        form.add(email, name, password, confirmation);
        form.setWidth("min(32rem, 100%)");
        invalidLink.setText(getTranslation("setup.link-used"));
        add(new H2(getTranslation("setup.title")), new Paragraph(getTranslation("setup.intro")), form, create,
                invalidLink);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse(null);
        boolean valid = setup.isValid(token);
        form.setVisible(valid);
        create.setVisible(valid);
        invalidLink.setVisible(!valid);
    }

    private void submit() {
        Form values = new Form();
        try {
            binder.writeBean(values);
        } catch (ValidationException e) {
            return;
        }
        try {
            setup.completeSetup(token, values.email, values.name, values.password);
        } catch (UserValidationException e) {
            showProblem(e);
            return;
        }
        Notification.show(getTranslation("setup.done"), 5000, Notification.Position.TOP_CENTER);
        getUI().ifPresent(ui -> ui.navigate(LoginView.class));
    }

    private void showProblem(UserValidationException e) {
        String text = getTranslation(e.messageKey(), PasswordPolicy.MIN_LENGTH);
        switch (e.field() == null ? "" : e.field()) {
            case "email" -> markInvalid(email, text);
            case "password" -> markInvalid(password, text);
            case "displayName" -> markInvalid(name, text);
            default -> {
                invalidLink.setText(text);
                invalidLink.setVisible(true);
                form.setVisible(false);
                create.setVisible(false);
            }
        }
    }

    private static void markInvalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title");
    }
}
