package com.commercehub.subscription.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.subscription.SubscriptionListEntry;
import com.commercehub.subscription.SubscriptionRefusedException;
import com.commercehub.subscription.SubscriptionState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/** How subscription values read on staff pages, in one place for the list, the detail and the dialogs. */
final class SubscriptionTexts {

    private SubscriptionTexts() {
    }

    static Span badge(Component on, SubscriptionState state) {
        Span badge = new Span(on.getTranslation(state.messageKey()));
        String theme = switch (state) {
            case ACTIVE, TRIALING -> "badge success";
            case PAST_DUE -> "badge error";
            case CANCELED -> "badge contrast";
            default -> "badge";
        };
        badge.getElement().getThemeList().add(theme);
        badge.addClassName("subscription-state");
        return badge;
    }

    /** "€99.00 / month", "€990.00 / 2 years". */
    static String perInterval(Component on, SubscriptionListEntry entry) {
        return on.getTranslation("subscription.per." + entry.interval(), money(on, entry.perPeriod()), entry.intervalCount());
    }

    static String money(Component on, Money money) {
        return Formats.money(money, locale(on));
    }

    static String date(Component on, Instant instant) {
        return instant == null ? "—" : Formats.date(LocalDate.ofInstant(instant, ZoneOffset.UTC), locale(on));
    }

    static String dateTime(Component on, Instant instant) {
        return instant == null ? "—" : Formats.dateTime(instant, ZoneOffset.UTC, locale(on)) + " UTC";
    }

    static void refused(Component on, SubscriptionRefusedException refused) {
        String text = on.getTranslation(refused.messageKey())
                + (refused.stripeMessage() == null ? "" : " (" + refused.stripeMessage() + ")");
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /**
     * Runs a Stripe-bound service call off the UI thread (as the signed-in user), with {@code busy} disabled
     * meanwhile; the answer or the refusal is shown in the UI afterwards.
     */
    static <T> java.util.concurrent.CompletableFuture<T> inBackground(Component on, com.commercehub.base.ui.BackgroundJobs jobs,
                                                                      com.vaadin.flow.component.button.Button busy,
                                                                      java.util.function.Supplier<T> work,
                                                                      java.util.function.Consumer<T> done) {
        com.vaadin.flow.component.UI ui = on.getUI().orElseGet(com.vaadin.flow.component.UI::getCurrent);
        busy.setEnabled(false);
        return jobs.run(ui, work, result -> {
            busy.setEnabled(true);
            done.accept(result);
        }, error -> {
            busy.setEnabled(true);
            if (error instanceof SubscriptionRefusedException refused) {
                refused(on, refused);
            } else {
                Notification.show(on.getTranslation("subscription.refused.unavailable"), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    static void done(Component on, String key) {
        Notification.show(on.getTranslation(key), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static Locale locale(Component on) {
        Locale locale = on.getUI().map(com.vaadin.flow.component.UI::getLocale)
                .orElseGet(() -> com.vaadin.flow.component.UI.getCurrent() == null ? null : com.vaadin.flow.component.UI.getCurrent().getLocale());
        return locale == null ? Locale.ENGLISH : locale;
    }
}
