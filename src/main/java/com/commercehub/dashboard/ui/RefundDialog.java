package com.commercehub.dashboard.ui;

import com.commercehub.base.ui.AmountField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.dashboard.PaymentRow;
import com.commercehub.dashboard.PaymentsPageService;
import com.commercehub.dashboard.RefundRejectedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import java.math.BigDecimal;
import java.util.function.LongConsumer;

/**
 * Refund all or part of a payment, with a reason. The payment shows the refund once Stripe's webhook has
 * confirmed it; until then the dialog says it was sent.
 */
class RefundDialog extends Dialog {

    final RadioButtonGroup<Boolean> full = new RadioButtonGroup<>();
    // Reads "1.200,00" in German as people type it, and shows the amount left as "2.823,75", not "2823,7500".
    final AmountField amount = new AmountField();
    final TextArea reason = new TextArea();
    final Button send = new Button();

    RefundDialog(PaymentsPageService payments, PaymentRow payment, LongConsumer reopen) {
        Money refundable = payment.refundable();
        setHeaderTitle(getTranslation("paymentspage.refund.title", Formats.money(refundable, getLocale())));
        full.setLabel(getTranslation("paymentspage.refund.kind"));
        full.setItems(true, false);
        full.setItemLabelGenerator(f -> getTranslation(f ? "paymentspage.refund.full" : "paymentspage.refund.partial"));
        full.setValue(true);
        amount.setLabel(getTranslation("paymentspage.refund.amount", refundable.currency().getCurrencyCode()));
        amount.setValue(refundable.amount());
        amount.setEnabled(false);
        full.addValueChangeListener(e -> {
            amount.setEnabled(!e.getValue());
            if (e.getValue()) {
                amount.setValue(refundable.amount());
            }
        });
        reason.setLabel(getTranslation("paymentspage.refund.reason"));
        reason.setMaxLength(500);
        reason.setRequired(true);
        send.setText(getTranslation("paymentspage.refund.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        send.addClickListener(e -> {
            amount.setInvalid(false);
            reason.setInvalid(false);
            BigDecimal value = amount.getValue();
            if (value == null || value.signum() <= 0 || value.compareTo(refundable.amount()) > 0
                    || value.stripTrailingZeros().scale() > refundable.currencyDecimals()) {
                amount.setInvalid(true);
                amount.setErrorMessage(getTranslation("dashboard.refund.error.amount"));
                return;
            }
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage(getTranslation("dashboard.refund.error.reason"));
                return;
            }
            try {
                payments.refund(payment.id(), new Money(value, refundable.currency()), reason.getValue());
                Notification.show(getTranslation("paymentspage.refund.sent"), 6000, Notification.Position.BOTTOM_START);
                close();
                reopen.accept(payment.id());
            } catch (RefundRejectedException rejected) {
                if (rejected.reason() == RefundRejectedException.Reason.PROVIDER_UNAVAILABLE) {
                    // Nothing is wrong with what was typed: the dialog stays as it is for the next try.
                    Notification.show(getTranslation(rejected.reason().messageKey()), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    return;
                }
                var field = rejected.reason() == RefundRejectedException.Reason.REASON ? reason : amount;
                if (field == reason) {
                    reason.setInvalid(true);
                    reason.setErrorMessage(getTranslation(rejected.reason().messageKey()));
                } else {
                    amount.setInvalid(true);
                    amount.setErrorMessage(getTranslation(rejected.reason().messageKey()));
                }
            }
        });
        add(new VerticalLayout(full, amount, reason));
        getFooter().add(new Button(getTranslation("paymentspage.close"), e -> close()), send);
    }
}
