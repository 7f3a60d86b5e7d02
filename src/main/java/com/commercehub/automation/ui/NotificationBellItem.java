package com.commercehub.automation.ui;

import com.commercehub.automation.Notifications;
import com.commercehub.base.ui.HeaderItem;

/** Puts the notification bell into the staff header. */
@org.springframework.stereotype.Component
class NotificationBellItem implements HeaderItem {

    private final Notifications notifications;

    NotificationBellItem(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        return new NotificationBell(notifications);
    }
}
