package com.commercehub.sandbox.ui;

import com.commercehub.sandbox.SandboxFaults;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.time.Duration;
import java.util.Locale;

/**
 * The sandbox's fault switch for a demo or a manual test: the next requests answer 500, 429 or too late, so an admin
 * can see the retries (in the log) and what buyers and staff are told. Off until switched on.
 */
class SandboxFaultsSection extends VerticalLayout {

    final RadioButtonGroup<SandboxFaults.Kind> kind = new RadioButtonGroup<>();
    final IntegerField count = new IntegerField();
    final TextField path = new TextField();
    final IntegerField hold = new IntegerField();
    final Button arm = new Button();
    final Button off = new Button();
    final Paragraph state = new Paragraph();

    private final SandboxFaults faults;

    SandboxFaultsSection(SandboxFaults faults) {
        this.faults = faults;
        setPadding(false);
        kind.setLabel(getTranslation("sandbox.faults.kind"));
        kind.setItems(SandboxFaults.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation(key(k)));
        kind.setValue(SandboxFaults.Kind.SERVER_ERROR);
        count.setLabel(getTranslation("sandbox.faults.count"));
        count.setMin(1);
        count.setMax(1000);
        count.setValue(3);
        count.setStepButtonsVisible(true);
        path.setLabel(getTranslation("sandbox.faults.path"));
        path.setPlaceholder("/v1/checkout/sessions");
        path.setMaxLength(200);
        path.setWidth("20em");
        hold.setLabel(getTranslation("sandbox.faults.hold"));
        hold.setMin(1);
        hold.setMax(120);
        // Longer than stripe-java's default read timeout of 30 s.
        hold.setValue(35);
        hold.setVisible(false);
        kind.addValueChangeListener(e -> hold.setVisible(e.getValue() == SandboxFaults.Kind.TIMEOUT));
        arm.setText(getTranslation("sandbox.faults.arm"));
        arm.addClickListener(e -> arm());
        off.setText(getTranslation("sandbox.faults.off"));
        off.addClickListener(e -> {
            faults.clear();
            showState();
        });
        HorizontalLayout fields = new HorizontalLayout(count, path, hold);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3(getTranslation("sandbox.faults.heading")), new Paragraph(getTranslation("sandbox.faults.explanation")),
                kind, fields, new HorizontalLayout(arm, off), state);
        showState();
    }

    private void arm() {
        count.setInvalid(false);
        hold.setInvalid(false);
        Integer times = count.getValue();
        if (times == null || times < 1 || times > 1000) {
            count.setErrorMessage(getTranslation("sandbox.faults.count-invalid"));
            count.setInvalid(true);
            return;
        }
        Integer seconds = hold.getValue();
        if (kind.getValue() == SandboxFaults.Kind.TIMEOUT && (seconds == null || seconds < 1 || seconds > 120)) {
            hold.setErrorMessage(getTranslation("sandbox.faults.hold-invalid"));
            hold.setInvalid(true);
            return;
        }
        String prefix = path.getValue().strip();
        faults.failNext(kind.getValue(), times, null, prefix.isEmpty() ? null : prefix,
                Duration.ofSeconds(seconds == null ? 1 : seconds));
        showState();
        Notification.show(state.getText());
    }

    private void showState() {
        state.setText(faults.armed().map(f -> f.pathPrefix() == null
                        ? getTranslation("sandbox.faults.state.on", getTranslation(key(f.kind())), f.remaining())
                        : getTranslation("sandbox.faults.state.on-path", getTranslation(key(f.kind())), f.remaining(),
                        f.pathPrefix()))
                .orElseGet(() -> getTranslation("sandbox.faults.state.off")));
    }

    private static String key(SandboxFaults.Kind kind) {
        return "sandbox.faults.kind." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
