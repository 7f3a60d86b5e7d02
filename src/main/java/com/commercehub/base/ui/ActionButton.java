package com.commercehub.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.HasTheme;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.function.SerializableRunnable;

import java.util.Objects;

/**
 * The same {@code vaadin-button} as Vaadin's {@link Button}, for the buttons every open tab shows and that only need
 * to know they were pressed (by mouse, Enter or Space).
 * <p>
 * Why not {@link Button}: each one keeps two click listeners in the tab's server-side state, its own disable-on-click
 * controller's and the app's, and each asks the browser for ten details of every click (coordinates, modifier keys)
 * that nothing here reads. With a dozen buttons in the shell and the quote builder, that is kilobytes per open tab
 * (issue 17: ≤ 250 kB per signed-in session with the builder open). This one keeps a single listener that asks for
 * nothing. Clicks on a hidden or disabled button are dropped by Vaadin before they reach {@code action}, as for any
 * component.
 */
@Tag("vaadin-button")
@Uses(Button.class)
public class ActionButton extends Component implements HasEnabled, HasStyle, HasTheme, HasAriaLabel, Focusable<ActionButton> {

    private final Text text = new Text("");
    /** Null until {@link #onPress} is called: a button that opens something in the browser needs no listener. */
    private SerializableRunnable action;
    private Component icon;

    public ActionButton() {
        getElement().appendChild(text.getElement());
    }

    public ActionButton(String label) {
        this();
        setText(label);
    }

    /** What a press does; replaces what was set before. */
    public ActionButton onPress(SerializableRunnable pressed) {
        Objects.requireNonNull(pressed);
        if (action == null) {
            getElement().addEventListener("click", click -> action.run());
        }
        this.action = pressed;
        return this;
    }

    public void setText(String label) {
        text.setText(label == null ? "" : label);
        placeIcon();
    }

    public String getText() {
        return text.getText();
    }

    /** An icon before the label, or alone, placed as {@link Button#setIcon} places it. */
    public ActionButton withIcon(Component icon) {
        this.icon = icon;
        getElement().insertChild(0, icon.getElement());
        placeIcon();
        return this;
    }

    /** Beside a label the icon goes to the prefix slot; alone it is the button's content. */
    private void placeIcon() {
        if (icon == null) {
            return;
        }
        if (getText().isEmpty()) {
            icon.getElement().removeAttribute("slot");
        } else {
            icon.getElement().setAttribute("slot", "prefix");
        }
    }

    public ActionButton withThemeVariants(ButtonVariant... variants) {
        for (ButtonVariant variant : variants) {
            addThemeName(variant.getVariantName());
        }
        return this;
    }
}
