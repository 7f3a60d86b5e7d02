package com.commercehub.base.ui;

import com.commercehub.base.security.PasswordPolicy;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

/** The password policy as a field validator, with the message of what is actually wrong. */
final class PasswordRules {

    private PasswordRules() {
    }

    /** @param emptyAllowed true where an empty field means "keep the current password" */
    static Validator<String> validator(Component owner, boolean emptyAllowed) {
        return (value, context) -> {
            if (emptyAllowed && (value == null || value.isEmpty())) {
                return ValidationResult.ok();
            }
            return PasswordPolicy.problem(value)
                    .map(key -> ValidationResult.error(owner.getTranslation(key, PasswordPolicy.MIN_LENGTH)))
                    .orElseGet(ValidationResult::ok);
        };
    }
}
