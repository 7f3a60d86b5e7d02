package com.commercehub.crm.ui;

import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.crm.DiscountKind;
import com.commercehub.product.BillingChoice;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.IntervalUnit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

/** Adds a custom line or edits a line: quantity, price, discount, tax, billing. */
public class LineDialog extends Dialog {

    public final TextField name = new TextField();
    final BigDecimalField quantity = new BigDecimalField();
    public final com.commercehub.base.ui.AmountField unitPrice = new com.commercehub.base.ui.AmountField();
    final Select<DiscountKind> discountKind = new Select<>();
    final com.commercehub.base.ui.AmountField discountValue = new com.commercehub.base.ui.AmountField();
    final BigDecimalField taxPercentage = new BigDecimalField();
    final Checkbox taxInclusive = new Checkbox();
    /** The product dialog's own choices (one vocabulary), CUSTOM revealing "every N weeks/months/years". */
    final Select<BillingChoice> billing = new Select<>();
    final IntegerField customCount = new IntegerField();
    final Select<IntervalUnit> customUnit = new Select<>();
    final IntegerField term = new IntegerField();
    public final Button save = new Button();

    public LineDialog(LineItemDetails existing, Function<LineItemDraft, Boolean> onSave) {
        setHeaderTitle(getTranslation(existing == null ? "crm.line.custom" : "crm.line.edit"));
        name.setLabel(getTranslation("product.name"));
        quantity.setLabel(getTranslation("crm.line.quantity"));
        unitPrice.setLabel(getTranslation("product.price"));
        discountKind.setLabel(getTranslation("crm.line.discount"));
        discountKind.setItems(DiscountKind.values());
        discountKind.setItemLabelGenerator(k -> getTranslation("crm.discount." + k.name().toLowerCase()));
        discountValue.setLabel(getTranslation("crm.line.discount-value"));
        taxPercentage.setLabel(getTranslation("crm.line.tax"));
        taxInclusive.setLabel(getTranslation("tax.inclusive"));
        billing.setLabel(getTranslation("product.billing"));
        billing.setItems(BillingChoice.values());
        billing.setItemLabelGenerator(choice -> choice == null ? "" : getTranslation(choice.labelKey()));
        customCount.setLabel(getTranslation("product.every"));
        customCount.setMin(1);
        customCount.setStepButtonsVisible(true);
        customUnit.setLabel(getTranslation("product.interval-unit"));
        customUnit.setItems(IntervalUnit.values());
        customUnit.setItemLabelGenerator(unit -> unit == null ? "" : getTranslation("interval." + unit.name().toLowerCase()));
        term.setLabel(getTranslation("product.term"));
        term.setHelperText(getTranslation("product.term.stripe-note"));
        term.setMin(1);
        term.setClearButtonVisible(true);
        term.setEnabled(false);
        billing.addValueChangeListener(e -> showBillingFields());
        discountKind.setValue(DiscountKind.PERCENT);
        quantity.setValue(BigDecimal.ONE);
        billing.setValue(BillingChoice.ONE_TIME);
        customCount.setValue(1);
        customUnit.setValue(IntervalUnit.MONTH);
        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(existing.productId() != null);
            quantity.setValue(existing.quantity().stripTrailingZeros());
            unitPrice.setValue(existing.unitPrice().amount().stripTrailingZeros());
            if (existing.discountKind() != null) {
                discountKind.setValue(existing.discountKind());
                discountValue.setValue(existing.discountValue().stripTrailingZeros());
            }
            taxPercentage.setValue(existing.taxPercentage() == null ? null : existing.taxPercentage().stripTrailingZeros());
            taxInclusive.setValue(existing.taxInclusive());
            if (existing.frequency() != null) {
                billing.setValue(BillingChoice.of(existing.frequency()));
                customUnit.setValue(existing.frequency().unit());
                customCount.setValue(existing.frequency().count());
                term.setValue(existing.termPeriods());
            }
        }
        add(new FormLayout(name, quantity, unitPrice, discountKind, discountValue, taxPercentage, taxInclusive,
                billing, customCount, customUnit, term));
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            BillingFrequency frequency = billing.getValue().frequency(customUnit.getValue(), customCount.getValue());
            LineItemDraft draft = new LineItemDraft(existing == null ? null : existing.productId(), name.getValue(),
                    existing == null ? null : existing.sku(), quantity.getValue(), unitPrice.getValue(),
                    discountKind.getValue(), discountValue.getValue(), taxPercentage.getValue(), taxInclusive.getValue(),
                    frequency, frequency == null ? null : term.getValue());
            try {
                if (onSave.apply(draft)) {
                    close();
                }
            } catch (CrmValidationException problem) {
                CrmForms.show(this, problem, Map.of("name", name, "quantity", quantity, "unitPrice", unitPrice,
                        "discount", discountValue, "frequency", customCount, "term", term));
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        // Vaadin takes a dialog it put into the UI itself off again only when the browser later reports the overlay
        // gone; until then every line dialog a rep opened stays in the tab's state (the staff journey benchmark
        // counted one per added line). A closed line dialog is never reopened, so it leaves at once.
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                getElement().removeFromParent();
            }
        });
    }

    private void showBillingFields() {
        BillingChoice choice = billing.getValue();
        customCount.setVisible(choice == BillingChoice.CUSTOM);
        customUnit.setVisible(choice == BillingChoice.CUSTOM);
        boolean recurring = choice != null && choice != BillingChoice.ONE_TIME;
        term.setEnabled(recurring);
        if (!recurring) {
            term.clear();
        }
    }
}
