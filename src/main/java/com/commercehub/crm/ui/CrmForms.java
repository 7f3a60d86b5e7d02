package com.commercehub.crm.ui;

import com.commercehub.crm.CrmValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.util.Map;

/** Shows a service's validation problems next to the fields they belong to. */
public final class CrmForms {

    private CrmForms() {
    }

    public static void show(Component translator, CrmValidationException e, Map<String, HasValidation> fields) {
        e.problems().forEach((field, key) -> {
            String message = translator.getTranslation(key);
            HasValidation target = fields.get(field);
            if (target == null) {
                Notification.show(message, 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                target.setErrorMessage(message);
                target.setInvalid(true);
            }
        });
    }
}
