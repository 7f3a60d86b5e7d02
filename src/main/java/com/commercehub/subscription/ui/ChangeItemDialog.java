package com.commercehub.subscription.ui;

import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.subscription.ItemChange;
import com.commercehub.subscription.Proration;
import com.commercehub.subscription.SubscriptionDetails;
import com.commercehub.subscription.SubscriptionRefusedException;
import com.commercehub.subscription.SubscriptionService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;

import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Change an item's quantity or unit price: Stripe's preview of the invoice it leads to first (amount and date,
 * for the chosen billing of the difference), then *Apply*, which is enabled only for the values just previewed.
 */
class ChangeItemDialog extends Dialog {

    final Select<SubscriptionDetails.Item> item = new Select<>();
    final IntegerField quantity = new IntegerField();
    final BigDecimalField unitAmount = new BigDecimalField();
    final RadioButtonGroup<Proration> proration = new RadioButtonGroup<>();
    final Paragraph preview = new Paragraph();
    final Button previewButton = new Button();
    final Button apply = new Button();

    /** The Stripe call under way, for tests to wait on. */
    java.util.concurrent.CompletableFuture<?> pending;

    private final SubscriptionService subscriptions;
    private final BackgroundJobs jobs;
    private final SubscriptionDetails subscription;

    ChangeItemDialog(SubscriptionService subscriptions, BackgroundJobs jobs, SubscriptionDetails subscription,
                     Consumer<SubscriptionDetails> changed) {
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.subscription = subscription;
        setHeaderTitle(getTranslation("subscription.action.change"));
        item.setLabel(getTranslation("subscription.item.description"));
        // An item's name is a product name: at the select's default width it was cut ("Photo club membersh").
        item.setWidthFull();
        item.setItems(subscription.items());
        item.setItemLabelGenerator(i -> i.description() == null ? i.stripeItemId() : i.description());
        item.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                quantity.setValue(e.getValue().quantity().intValue());
                unitAmount.setValue(e.getValue().unitAmount().amount().stripTrailingZeros());
            }
        });
        quantity.setLabel(getTranslation("subscription.item.quantity"));
        quantity.setMin(1);
        quantity.setStepButtonsVisible(true);
        unitAmount.setLabel(getTranslation("subscription.item.unit"));
        proration.setLabel(getTranslation("subscription.proration"));
        proration.setItems(Proration.values());
        proration.setItemLabelGenerator(p -> getTranslation(p.messageKey()));
        proration.setValue(Proration.PRORATE);
        item.setValue(subscription.items().isEmpty() ? null : subscription.items().getFirst());
        quantity.addValueChangeListener(e -> stale());
        unitAmount.addValueChangeListener(e -> stale());
        proration.addValueChangeListener(e -> stale());
        item.addValueChangeListener(e -> stale());
        preview.addClassName("proration-preview");
        previewButton.setText(getTranslation("subscription.preview"));
        previewButton.addClickListener(e -> showPreview());
        apply.setText(getTranslation("subscription.apply"));
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(e -> {
            ItemChange wanted = change();
            pending = SubscriptionTexts.inBackground(this, jobs, apply,
                    () -> subscriptions.changeItem(subscription.id(), subscription.version(), wanted), done -> {
                        SubscriptionTexts.done(this, "subscription.done.changed");
                        close();
                        changed.accept(done);
                    });
        });
        add(new VerticalLayout(item, quantity, unitAmount, proration, preview));
        getFooter().add(new Button(getTranslation("subscription.close"), e -> close()), previewButton, apply);
    }

    ItemChange change() {
        SubscriptionDetails.Item selected = item.getValue();
        BigDecimal price = unitAmount.getValue();
        boolean samePrice = price == null || selected.unitAmount().amount().compareTo(price) == 0;
        boolean sameQuantity = quantity.getValue() == null || selected.quantity().intValue() == quantity.getValue();
        return new ItemChange(selected.stripeItemId(), sameQuantity ? null : quantity.getValue().longValue(),
                samePrice ? null : price, proration.getValue());
    }

    private void showPreview() {
        if (item.getValue() == null || quantity.getValue() == null || quantity.getValue() < 1) {
            quantity.setInvalid(true);
            quantity.setErrorMessage(getTranslation("subscription.refused.quantity"));
            return;
        }
        ItemChange wanted = change();
        UI ui = getUI().orElseGet(UI::getCurrent);
        previewButton.setEnabled(false);
        pending = jobs.run(ui, () -> subscriptions.previewChange(subscription.id(), subscription.version(), wanted), result -> {
            previewButton.setEnabled(true);
            if (!wanted.equals(change())) {
                return; // the values changed while Stripe was asked: this preview is not theirs
            }
            preview.setText(getTranslation(result.now() ? "subscription.preview.now" : "subscription.preview.next",
                    SubscriptionTexts.money(this, result.amountDue()), SubscriptionTexts.date(this, result.chargedAt())));
            apply.setEnabled(true);
        }, error -> {
            previewButton.setEnabled(true);
            preview.setText(error instanceof SubscriptionRefusedException refused ? getTranslation(refused.messageKey())
                    + (refused.stripeMessage() == null ? "" : " (" + refused.stripeMessage() + ")")
                    : getTranslation("subscription.refused.unavailable"));
            apply.setEnabled(false);
        });
    }

    private void stale() {
        apply.setEnabled(false);
        preview.setText("");
    }
}
