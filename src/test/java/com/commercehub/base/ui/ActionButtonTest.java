package com.commercehub.base.ui;

import com.commercehub.testsupport.Press;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionButtonTest {

    @Test
    void it_is_the_vaadin_button_with_its_label_theme_and_icon_placed_as_vaadins_button_places_it() {
        ActionButton labelled = new ActionButton("Copy link").withIcon(VaadinIcon.LINK.create())
                .withThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assertThat(labelled.getElement().getTag()).isEqualTo("vaadin-button");
        assertThat(labelled.getElement().getThemeList()).containsExactly("primary");
        assertThat(labelled.getElement().getTextRecursively()).isEqualTo("Copy link");
        assertThat(labelled.getElement().getChild(0).getAttribute("icon")).isEqualTo("vaadin:link");
        assertThat(labelled.getElement().getChild(0).getAttribute("slot")).isEqualTo("prefix");

        ActionButton alone = new ActionButton().withIcon(VaadinIcon.BELL.create());
        assertThat(alone.getElement().getChild(0).hasAttribute("slot")).as("an icon alone is the content").isFalse();
        alone.setText("Alerts");
        assertThat(alone.getElement().getChild(0).getAttribute("slot")).isEqualTo("prefix");
    }

    @Test
    void a_press_runs_the_latest_action_once_and_asks_the_browser_for_no_details_of_the_click() {
        List<String> pressed = new ArrayList<>();
        ActionButton button = new ActionButton("Publish").onPress(() -> pressed.add("first"));
        button.onPress(() -> pressed.add("second"));
        Press.press(button);
        assertThat(pressed).containsExactly("second");
        // Vaadin's Button asks for ten (coordinates, modifier keys) in each of its two click listeners.
        assertThat(button.getElement().getNode().getFeature(ElementListenerMap.class).getExpressions("click")).isEmpty();
    }

    @Test
    void a_hidden_or_disabled_button_cannot_be_pressed() {
        List<String> pressed = new ArrayList<>();
        ActionButton button = new ActionButton("Recall").onPress(() -> pressed.add("recalled"));
        button.setVisible(false);
        assertThatThrownBy(() -> Press.press(button)).hasMessageContaining("'Recall' is visible");
        button.setVisible(true);
        button.setEnabled(false);
        assertThatThrownBy(() -> Press.press(button)).hasMessageContaining("'Recall' is enabled");
        assertThat(pressed).isEmpty();
    }
}
