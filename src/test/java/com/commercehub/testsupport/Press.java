package com.commercehub.testsupport;

import com.commercehub.base.ui.ActionButton;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.dom.DomEvent;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Presses an {@link ActionButton} as the browser does: the click event its element listens to. */
public final class Press {

    private Press() {
    }

    /** Fails, as a person could not press it, when the button is hidden or disabled (itself or a parent). */
    public static void press(ActionButton button) {
        assertThat(BasicUtilsKt.isEffectivelyVisible(button)).as("'%s' is visible", button.getText()).isTrue();
        assertThat(BasicUtilsKt.isEffectivelyEnabled(button)).as("'%s' is enabled", button.getText()).isTrue();
        ElementUtilsKt._fireDomEvent(button.getElement(),
                new DomEvent(button.getElement(), "click", JsonNodeFactory.instance.objectNode()));
    }
}
