package com.commercehub.base.ui;

import com.vaadin.flow.component.Component;

/**
 * A component a feature puts into the staff header next to the user menu (the notification bell), without
 * {@code base} knowing the feature. One per bean; made afresh for each layout (each browser tab).
 */
public interface HeaderItem {

    Component create();
}
