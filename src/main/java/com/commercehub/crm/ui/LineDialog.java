package com.commercehub.crm.ui;

import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.crm.DiscountKind;
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

    final TextField name = new TextField();
    final BigDecimalField quantity = new BigDecimalField();
    final com.commercehub.base.ui.AmountField unitPrice = new com.commercehub.base.ui.AmountField();
    final Select<DiscountKind> discountKind = new Select<>();
    final com.commercehub.base.ui.AmountField discountValue = new com.commercehub.base.ui.AmountField();
    final BigDecimalField taxPercentage = new BigDecimalField();
    final Checkbox taxInclusive = new Checkbox();
    final Select<IntervalUnit> interval = new Select<>();
    final IntegerField intervalCount = new IntegerField();
    final IntegerField term = new IntegerField();
    final Button save = new Button();

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
        interval.setLabel(getTranslation("product.billing"));
        interval.setItems(IntervalUnit.values());
        interval.setEmptySelectionAllowed(true);
        interval.setEmptySelectionCaption(getTranslation("billing.one-time"));
        interval.setItemLabelGenerator(u -> u == null ? getTranslation("billing.one-time")
                : getTranslation("interval." + u.name().toLowerCase()));
        intervalCount.setLabel(getTranslation("product.every"));
        intervalCount.setMin(1);
        term.setLabel(getTranslation("product.term"));
        term.setHelperText(getTranslation("product.term.stripe-note"));
        term.setMin(1);
        term.setClearButtonVisible(true);
        term.setEnabled(false);
        interval.addValueChangeListener(e -> {
            term.setEnabled(e.getValue() != null);
            if (e.getValue() == null) {
                term.clear();
            }
        });
        discountKind.setValue(DiscountKind.PERCENT);
        quantity.setValue(BigDecimal.ONE);
        intervalCount.setValue(1);
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
                interval.setValue(existing.frequency().unit());
                intervalCount.setValue(existing.frequency().count());
                term.setValue(existing.termPeriods());
            }
        }
        add(new FormLayout(name, quantity, unitPrice, discountKind, discountValue, taxPercentage, taxInclusive,
                interval, intervalCount, term));
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            BillingFrequency frequency = interval.getValue() == null ? null
                    : new BillingFrequency(interval.getValue(), intervalCount.getValue() == null ? 0 : intervalCount.getValue());
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
                        "discount", discountValue, "frequency", intervalCount, "term", term));
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
