package com.commercehub.base.ui;

import com.commercehub.base.i18n.Formats;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.math.BigDecimal;

/**
 * A number field for money and percentages that reads what people type in their language ("1,200.00",
 * "1.200,00", "1 200,00"), shows under the field what it understood, and says so when it could not read
 * the text instead of dropping it. The value is the amount, or null when empty or unreadable.
 */
public class AmountField extends CustomField<BigDecimal> {

    final TextField text = new TextField();
    private boolean unreadable;

    public AmountField() {
        text.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        text.setWidthFull();
        text.addValueChangeListener(e -> {
            updateValue();
            showWhatWasUnderstood();
        });
        add(text);
    }

    public AmountField(String label) {
        this();
        setLabel(label);
    }

    /** Types {@code typed} as a user would: the text is read, the value and the hint follow. */
    public void type(String typed) {
        text.setValue(typed);
    }

    public boolean isUnreadable() {
        return unreadable;
    }

    @Override
    protected BigDecimal generateModelValue() {
        var parsed = Formats.parseAmount(text.getValue(), getLocale());
        unreadable = !text.getValue().isBlank() && parsed.isEmpty();
        return parsed.orElse(null);
    }

    @Override
    protected void setPresentationValue(BigDecimal value) {
        unreadable = false;
        text.setValue(value == null ? "" : Formats.number(value, getLocale()));
        setHelperText(null);
    }

    private void showWhatWasUnderstood() {
        if (unreadable) {
            setErrorMessage(getTranslation("builder.amount.unreadable", text.getValue()));
            setInvalid(true);
            setHelperText(null);
        } else {
            setInvalid(false);
            BigDecimal value = getValue();
            setHelperText(value == null ? null : getTranslation("builder.amount.understood",
                    Formats.number(value, getLocale())));
        }
    }
}
