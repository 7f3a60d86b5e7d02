package com.commercehub.base.ui;

import com.commercehub.base.i18n.Messages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.commercehub.base.db.RecordNotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Per-session set-up: the signed-in user's remembered language, and one error handler that logs
 * the detail with a reference and shows the user a friendly, translated message instead.
 */
@Component
class UiInitializer implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiInitializer.class);

    private static final String LOCALE_APPLIED_FOR = UiInitializer.class.getName() + ".localeAppliedFor";

    private final CurrentUser currentUser;

    UiInitializer(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiInitializer::handle));
        // Before-enter listeners run before the layout and view are built, so their texts are
        // already in the user's language.
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(
                enter -> applyRememberedLocale(enter.getUI())));
    }

    /** Once per signed-in user and session: the language they chose last time. */
    private void applyRememberedLocale(UI ui) {
        Optional<String> email = currentUser.email();
        if (email.isEmpty() || email.get().equals(ui.getSession().getAttribute(LOCALE_APPLIED_FOR))) {
            return;
        }
        ui.getSession().setAttribute(LOCALE_APPLIED_FOR, email.get());
        currentUser.summary().map(user -> user.preferredLocale()).ifPresent(locale -> {
            Locale effective = Messages.supported(locale);
            ui.getSession().setLocale(effective);
            ui.setLocale(effective);
        });
    }

    static void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        String key = messageKeyFor(error);
        String reference = UUID.randomUUID().toString().substring(0, 8);
        if ("error.generic".equals(key)) {
            log.error("Unexpected error [{}]", reference, error);
        } else {
            log.info("Refused user action [{}]: {}", reference, error.toString());
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            String text = ui.getTranslation(key, reference);
            Notification notification = Notification.show(text, 6000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static String messageKeyFor(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingFailureException) {
                return "error.changed-by-someone-else";
            }
            if (t instanceof RecordNotFoundException) {
                return "error.record-gone";
            }
            if (t instanceof AccessDeniedException) {
                return "error.access-denied";
            }
        }
        return "error.generic";
    }
}
