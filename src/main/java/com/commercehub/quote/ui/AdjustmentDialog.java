package com.commercehub.quote.ui;

import com.commercehub.base.ui.AmountField;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Predicate;

/**
 * A quote-level discount or fee being added: its type, label, percent or amount, value and, for a discount, whether
 * it applies to every payment or the first only. Opened from the builder; it exists only while open (the builder
 * keeps no editor in the tab's server-side state for something done once or twice per quote).
 */
class AdjustmentDialog extends Dialog {

    final Select<AdjustmentDraft.Type> type = new Select<>();
    final TextField label = new TextField();
    final Select<Adjustment.Kind> kind = new Select<>();
    final AmountField value = new AmountField();
    final Select<AdjustmentDraft.AppliesTo> appliesTo = new Select<>();
    final Button add = new Button();

    /** {@code onAdd} adds what the dialog holds and answers whether it was added (else it shows the problems). */
    AdjustmentDialog(Predicate<AdjustmentDialog> onAdd) {
        setHeaderTitle(getTranslation("quote.adjustment.new"));
        type.setLabel(getTranslation("quote.adjustment.type"));
        type.setItems(AdjustmentDraft.Type.values());
        type.setItemLabelGenerator(t -> getTranslation("quote.adjustment." + t.name().toLowerCase()));
        type.setValue(AdjustmentDraft.Type.DISCOUNT);
        label.setLabel(getTranslation("quote.adjustment.label"));
        kind.setLabel(getTranslation("quote.adjustment.kind"));
        kind.setItems(Adjustment.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("crm.discount." + k.name().toLowerCase()));
        kind.setValue(Adjustment.Kind.PERCENT);
        value.setLabel(getTranslation("quote.adjustment.value"));
        appliesTo.setLabel(getTranslation("builder.discount.applies-to"));
        appliesTo.setItems(AdjustmentDraft.AppliesTo.values());
        appliesTo.setItemLabelGenerator(a -> getTranslation("builder.discount." + a.name().toLowerCase()));
        appliesTo.setValue(AdjustmentDraft.AppliesTo.EVERY_PAYMENT);
        // Only a discount can be limited to the first payment.
        type.addValueChangeListener(e -> appliesTo.setVisible(e.getValue() == AdjustmentDraft.Type.DISCOUNT));
        FormLayout form = new FormLayout(type, label, kind, value, appliesTo);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(form);

        add.setText(getTranslation("crm.line.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER);
        add.addClickListener(e -> {
            if (onAdd.test(this)) {
                close();
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), add);
        // As with the line dialog: a closed dialog is never reopened, so it leaves the UI at once.
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                getElement().removeFromParent();
            }
        });
        label.focus();
    }
}
