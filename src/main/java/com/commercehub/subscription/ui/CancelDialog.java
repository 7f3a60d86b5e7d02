package com.commercehub.subscription.ui;

import com.commercehub.subscription.SubscriptionDetails;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.subscription.SubscriptionService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;

import java.util.function.Consumer;

/** Cancel now or at the end of the paid period, with a reason kept at Stripe and in the history. */
class CancelDialog extends Dialog {

    enum When { AT_PERIOD_END, NOW }

    final RadioButtonGroup<When> when = new RadioButtonGroup<>();
    final TextArea reason = new TextArea();
    final Button confirm = new Button();
    /** The Stripe call under way, for tests to wait on. */
    java.util.concurrent.CompletableFuture<?> pending;

    CancelDialog(SubscriptionService subscriptions, BackgroundJobs jobs, SubscriptionDetails subscription,
                 Consumer<SubscriptionDetails> changed) {
        setHeaderTitle(getTranslation("subscription.action.cancel"));
        when.setLabel(getTranslation("subscription.cancel.when"));
        when.setItems(When.values());
        when.setItemLabelGenerator(w -> getTranslation("subscription.cancel." + (w == When.NOW ? "now" : "at-period-end")));
        when.setValue(When.AT_PERIOD_END);
        reason.setLabel(getTranslation("subscription.cancel.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        confirm.setText(getTranslation("subscription.cancel.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            boolean now = when.getValue() == When.NOW;
            String why = reason.getValue();
            pending = SubscriptionTexts.inBackground(this, jobs, confirm,
                    () -> subscriptions.cancel(subscription.id(), subscription.version(), !now, why), done -> {
                        SubscriptionTexts.done(this, now ? "subscription.done.canceled" : "subscription.done.scheduled");
                        close();
                        changed.accept(done);
                    });
        });
        add(new VerticalLayout(when, reason));
        getFooter().add(new Button(getTranslation("subscription.close"), e -> close()), confirm);
    }
}
