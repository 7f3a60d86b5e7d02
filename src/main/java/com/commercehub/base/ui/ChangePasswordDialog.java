package com.commercehub.base.ui;

import com.commercehub.base.security.PasswordPolicy;
import com.commercehub.base.security.SessionStamp;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserValidationException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.server.VaadinSession;

/** The signed-in user replaces their own password; their other sessions end. */
class ChangePasswordDialog extends Dialog {

    static final class Values {
        String current = "";
        String password = "";
        String confirmation = "";
    }

    final PasswordField current = new PasswordField();
    final PasswordField password = new PasswordField();
    final PasswordField confirmation = new PasswordField();
    final Button save = new Button();
    final Button cancel = new Button();

    private final UserService users;
    private final Binder<Values> binder = new Binder<>();

    ChangePasswordDialog(UserService users) {
        this.users = users;
        setHeaderTitle(getTranslation("password.change.title"));
        current.setLabel(getTranslation("password.change.current"));
        password.setLabel(getTranslation("password.change.new"));
        password.setHelperText(getTranslation("password.rule", PasswordPolicy.MIN_LENGTH));
        confirmation.setLabel(getTranslation("setup.confirm"));

        binder.forField(current).asRequired(getTranslation("password.change.wrong-current"))
                .bind(v -> v.current, (v, value) -> v.current = value);
        binder.forField(password).asRequired(getTranslation("password.too-short", PasswordPolicy.MIN_LENGTH))
                .withValidator(PasswordRules.validator(this, false))
                .bind(v -> v.password, (v, value) -> v.password = value);
        binder.forField(confirmation).asRequired(getTranslation("setup.confirm.mismatch"))
                .withValidator(c -> c.equals(password.getValue()), getTranslation("setup.confirm.mismatch"))
                .bind(v -> v.confirmation, (v, value) -> v.confirmation = value);

        add(new FormLayout(current, password, confirmation));
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
        SessionStamp stamp;
        try {
            stamp = users.changeOwnPassword(values.current, values.password);
        } catch (UserValidationException e) {
            HasValidation field = "currentPassword".equals(e.field()) ? current : password;
            field.setErrorMessage(getTranslation(e.messageKey(), PasswordPolicy.MIN_LENGTH));
            field.setInvalid(true);
            return;
        }
        // This session stays signed in; the user's others end on their next request.
        VaadinSession.getCurrent().getSession().setAttribute(stamp.attribute(), stamp.value());
        Notification.show(getTranslation("password.change.done"), 5000, Notification.Position.TOP_CENTER);
        close();
    }
}
