package com.commercehub.base.ui;

import com.commercehub.base.security.PasswordPolicy;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.base.security.UserValidationException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.EmailValidator;

import java.util.EnumSet;
import java.util.Set;

/** Adds a user, or edits an existing one's name, roles, status and password. */
class UserDialog extends Dialog {

    /** Edited copy of the values, so Cancel never changes anything. */
    static final class Values {
        String email = "";
        String name = "";
        String password = "";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean enabled = true;
    }

    final EmailField email = new EmailField();
    final TextField name = new TextField();
    final PasswordField password = new PasswordField();
    final CheckboxGroup<Role> roles = new CheckboxGroup<>();
    final Checkbox enabled = new Checkbox();
    final Button save = new Button();
    final Button cancel = new Button();

    private final UserService users;
    private final UserSummary existing;
    private final Runnable onSaved;
    private final Binder<Values> binder = new Binder<>();

    UserDialog(UserService users, UserSummary existing, Runnable onSaved) {
        this.users = users;
        this.existing = existing;
        this.onSaved = onSaved;
        boolean creating = existing == null;
        setHeaderTitle(getTranslation(creating ? "users.add" : "users.edit"));

        email.setLabel(getTranslation("users.email"));
        email.setReadOnly(!creating);
        name.setLabel(getTranslation("users.name"));
        password.setLabel(getTranslation(creating ? "users.password" : "users.new-password"));
        password.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        roles.setLabel(getTranslation("users.roles"));
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        enabled.setLabel(getTranslation("users.may-sign-in"));

        binder.forField(email).asRequired(getTranslation("user.email.invalid"))
                .withValidator(new EmailValidator(getTranslation("user.email.invalid")))
                .bind(v -> v.email, (v, value) -> v.email = value);
        binder.forField(name).asRequired(getTranslation("user.name.required"))
                .bind(v -> v.name, (v, value) -> v.name = value);
        var passwordBinding = binder.forField(password);
        if (creating) {
            passwordBinding.asRequired(getTranslation("password.too-short", PasswordPolicy.MIN_LENGTH));
        }
        passwordBinding.withValidator(PasswordRules.validator(this, true))
                .bind(v -> v.password, (v, value) -> v.password = value);
        binder.forField(roles).asRequired(getTranslation("user.roles.required"))
                .bind(v -> v.roles, (v, value) -> v.roles = value.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(value));
        binder.forField(enabled).bind(v -> v.enabled, (v, value) -> v.enabled = value);

        Values values = new Values();
        if (!creating) {
            values.email = existing.email();
            values.name = existing.displayName();
            values.roles = existing.roles();
            values.enabled = existing.enabled();
        }
        binder.readBean(values);
        enabled.setVisible(!creating);

        FormLayout form = new FormLayout(email, name, password, roles, enabled);
        add(form);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.setText(getTranslation("action.cancel"));
        cancel.addClickListener(e -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        Values values = new Values();
        try {
            binder.writeBean(values);
        } catch (ValidationException e) {
            return;
        }
        try {
            if (existing == null) {
                users.create(values.email, values.name, values.password, values.roles);
            } else {
                users.update(existing.id(), existing.version(), values.name, values.roles, values.enabled);
                if (!values.password.isEmpty()) {
                    users.resetPassword(existing.id(), values.password);
                }
            }
        } catch (UserValidationException e) {
            showProblem(e);
            return;
        }
        onSaved.run();
        close();
    }

    private void showProblem(UserValidationException e) {
        String text = getTranslation(e.messageKey(), PasswordPolicy.MIN_LENGTH);
        HasValidation field = switch (e.field() == null ? "" : e.field()) {
            case "email" -> email;
            case "password" -> password;
            case "displayName" -> name;
            case "roles" -> roles;
            default -> null;
        };
        if (field == null) {
            Notification.show(text, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else {
            field.setErrorMessage(text);
            field.setInvalid(true);
        }
    }
}
