package com.commercehub.automation.ui;

import com.commercehub.automation.Notifications;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.ui.ActionButton;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.ZoneId;

/**
 * The bell: the signed-in user's unread count as a badge; a click lists the latest notifications and marks
 * them read. Texts are set as text (they contain customers' names).
 */
class NotificationBell extends Div {

    static final int SHOWN = 20;

    /** An action button (see ActionButton): the shell of every tab carries it. */
    final ActionButton button = new ActionButton().withIcon(VaadinIcon.BELL.create());
    final Span badge = new Span();
    final Dialog dialog = new Dialog();
    final VerticalLayout list = new VerticalLayout();

    private final Notifications notifications;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
        addClassName("notification-bell");
        button.withThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(getTranslation("automation.bell.label"));
        badge.getElement().getThemeList().add("badge error pill small");
        badge.addClassName("notification-count");
        button.onPress(this::open);
        dialog.setHeaderTitle(getTranslation("automation.bell.title"));
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("automation.bell.close"), e -> dialog.close()));
        add(button, badge);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refreshCount();
    }

    void refreshCount() {
        int unread = notifications.unreadCount();
        badge.setText(String.valueOf(unread));
        badge.setVisible(unread > 0);
        button.setAriaLabel(getTranslation("automation.bell.unread", unread));
    }

    void open() {
        list.removeAll();
        var latest = notifications.latest(SHOWN);
        if (latest.isEmpty()) {
            list.add(new Paragraph(getTranslation("automation.bell.empty")));
        }
        for (Notifications.Notification n : latest) {
            Div item = new Div();
            item.addClassName(n.read() ? "notification-read" : "notification-unread");
            Span title = new Span(n.title());
            title.getStyle().set("font-weight", n.read() ? "normal" : "bold");
            Span meta = new Span(Formats.dateTime(n.createdAt(), ZoneId.systemDefault(), getLocale())
                    + (n.body() == null ? "" : " · " + n.body()));
            meta.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
            item.add(title, meta);
            list.add(item);
        }
        notifications.markAllRead();
        refreshCount();
        dialog.open();
    }
}
