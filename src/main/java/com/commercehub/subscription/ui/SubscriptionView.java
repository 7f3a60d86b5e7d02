package com.commercehub.subscription.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.subscription.SubscriptionDetails;
import com.commercehub.subscription.SubscriptionRefusedException;
import com.commercehub.subscription.SubscriptionService;
import com.commercehub.subscription.SubscriptionState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.util.function.Supplier;

/**
 * One subscription: state, buyer, amount, period, items, payments and the history of who did what; the actions
 * for sales and admins, each confirmed only once Stripe has answered (the page then shows the record as
 * re-read from Stripe).
 */
@Route("subscriptions/:id")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class SubscriptionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final Paragraph summary = new Paragraph();
    final Paragraph period = new Paragraph();
    final Button changeItem = new Button();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button cancel = new Button();
    final Button sendCardLink = new Button();
    final Checkbox buyerChangesQuantity = new Checkbox();
    final Grid<SubscriptionDetails.Item> items = new Grid<>();
    final Grid<SubscriptionDetails.Payment> payments = new Grid<>();
    final Grid<SubscriptionDetails.Event> history = new Grid<>();

    /** The Stripe call under way, for tests to wait on. */
    java.util.concurrent.CompletableFuture<?> pending;

    private final SubscriptionService subscriptions;
    private final BackgroundJobs jobs;
    private final boolean mayAct;
    private SubscriptionDetails current;

    SubscriptionView(SubscriptionService subscriptions, BackgroundJobs jobs, AuthenticationContext authentication) {
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.mayAct = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        changeItem.setText(getTranslation("subscription.action.change"));
        changeItem.addClickListener(e -> new ChangeItemDialog(subscriptions, jobs, current, this::show).open());
        pause.setText(getTranslation("subscription.action.pause"));
        pause.addClickListener(e -> act(pause, () -> subscriptions.pause(current.id(), current.version()), "subscription.done.paused"));
        resume.setText(getTranslation("subscription.action.resume"));
        resume.addClickListener(e -> act(resume, () -> subscriptions.resume(current.id(), current.version()), "subscription.done.resumed"));
        cancel.setText(getTranslation("subscription.action.cancel"));
        cancel.addClickListener(e -> new CancelDialog(subscriptions, jobs, current, this::show).open());
        sendCardLink.setText(getTranslation("subscription.action.card-link"));
        sendCardLink.addClickListener(e -> act(sendCardLink, () -> {
            subscriptions.sendPaymentMethodLink(current.id(), current.version());
            return subscriptions.get(current.id()).orElseThrow();
        }, "subscription.done.card-link"));
        buyerChangesQuantity.setLabel(getTranslation("subscription.portal.quantity"));
        buyerChangesQuantity.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                try {
                    show(subscriptions.allowBuyerQuantityChanges(current.id(), current.version(), e.getValue()));
                    SubscriptionTexts.done(this, "subscription.done.saved");
                } catch (SubscriptionRefusedException refused) {
                    SubscriptionTexts.refused(this, refused);
                    subscriptions.get(current.id()).ifPresent(this::show);
                }
            }
        });

        items.addColumn(SubscriptionDetails.Item::description).setHeader(getTranslation("subscription.item.description"))
                .setFlexGrow(1);
        items.addColumn(i -> i.quantity().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("subscription.item.quantity")).setAutoWidth(true);
        items.addColumn(i -> SubscriptionTexts.money(this, i.unitAmount()))
                .setHeader(getTranslation("subscription.item.unit")).setAutoWidth(true);
        // On a phone the item column is narrow: product names wrap instead of ending in "Photo club…".
        items.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        items.setAllRowsVisible(true);
        payments.addColumn(p -> SubscriptionTexts.dateTime(this, p.paidAt() == null ? p.createdAt() : p.paidAt()))
                .setHeader(getTranslation("subscription.payment.date")).setAutoWidth(true);
        payments.addColumn(p -> SubscriptionTexts.money(this, p.amount())).setHeader(getTranslation("subscription.payment.amount"))
                .setAutoWidth(true);
        payments.addColumn(p -> getTranslation(com.commercehub.payment.PaymentStatus.valueOf(p.status()).messageKey()))
                .setHeader(getTranslation("subscription.payment.status")).setAutoWidth(true);
        payments.addColumn(SubscriptionDetails.Payment::invoiceId).setHeader(getTranslation("subscription.payment.invoice"))
                .setFlexGrow(1);
        payments.setAllRowsVisible(true);
        payments.setEmptyStateText(getTranslation("subscription.payment.none"));
        history.addColumn(h -> SubscriptionTexts.dateTime(this, h.occurredAt())).setHeader(getTranslation("subscription.history.when"))
                .setAutoWidth(true);
        history.addColumn(h -> getTranslation("subscription.actor." + h.actorKind().toLowerCase(java.util.Locale.ROOT))
                        + (h.actor() == null ? "" : " · " + h.actor())).setKey("who")
                .setHeader(getTranslation("subscription.history.who")).setAutoWidth(true);
        history.addColumn(h -> getTranslation("subscription.event." + h.kind())).setKey("what")
                .setHeader(getTranslation("subscription.history.what")).setAutoWidth(true);
        history.addColumn(SubscriptionDetails.Event::detail).setKey("detail")
                .setHeader(getTranslation("subscription.history.detail")).setFlexGrow(1);
        history.setAllRowsVisible(true);
        // Details are sentences (a reason, "2 → 3 (always_invoice)"): they wrap rather than end in "…".
        history.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setEmptyStateText(getTranslation("subscription.history.none"));

        HorizontalLayout actions = new HorizontalLayout(changeItem, pause, resume, cancel, sendCardLink);
        actions.setWrap(true);
        actions.setVisible(mayAct);
        buyerChangesQuantity.setVisible(mayAct);
        add(title, summary, period, actions, buyerChangesQuantity, new H3(getTranslation("subscription.items")), items,
                new H3(getTranslation("subscription.payments")), payments,
                new H3(getTranslation("subscription.history")), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            long id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            show(subscriptions.get(id).orElseThrow(NotFoundException::new));
        } catch (NumberFormatException malformed) {
            throw new NotFoundException();
        }
    }

    void show(SubscriptionDetails details) {
        current = details;
        var s = details.summary();
        title.setText(getTranslation("subscription.title", s.buyerName() == null ? s.stripeSubscriptionId() : s.buyerName()));
        summary.removeAll();
        summary.add(SubscriptionTexts.badge(this, s.state()));
        summary.add(" " + SubscriptionTexts.perInterval(this, s) + " · " + getTranslation("subscription.column.mrr") + " "
                + SubscriptionTexts.money(this, s.monthlyRecurringRevenue())
                + (s.buyerEmail() == null ? "" : " · " + s.buyerEmail())
                + (s.quoteNumber() == null ? "" : " · " + s.quoteNumber()));
        StringBuilder periodText = new StringBuilder(getTranslation("subscription.period",
                SubscriptionTexts.date(this, details.currentPeriodStart()), SubscriptionTexts.date(this, details.currentPeriodEnd())));
        if (s.nextBillingAt() != null) {
            periodText.append(" · ").append(getTranslation("subscription.next", SubscriptionTexts.date(this, s.nextBillingAt())));
        }
        if (s.state() == SubscriptionState.SCHEDULED_TO_CANCEL && details.cancelAt() != null) {
            periodText.append(" · ").append(getTranslation("subscription.ends", SubscriptionTexts.date(this, details.cancelAt())));
        }
        if (details.canceledAt() != null) {
            periodText.append(" · ").append(getTranslation("subscription.canceled-on", SubscriptionTexts.date(this, details.canceledAt())));
        }
        if (details.cancellationReason() != null) {
            periodText.append(" · ").append(getTranslation("subscription.reason", details.cancellationReason()));
        }
        period.setText(periodText.toString());
        boolean open = !s.state().ended();
        changeItem.setEnabled(open);
        pause.setVisible(open && s.state() != SubscriptionState.PAUSED);
        resume.setVisible(open && s.state() == SubscriptionState.PAUSED);
        cancel.setEnabled(open);
        sendCardLink.setEnabled(open);
        buyerChangesQuantity.setValue(details.buyerChangesQuantity());
        buyerChangesQuantity.setEnabled(open);
        items.setItems(details.items());
        payments.setItems(details.payments());
        history.setItems(details.events());
    }

    private void act(Button busy, Supplier<SubscriptionDetails> action, String doneKey) {
        pending = SubscriptionTexts.inBackground(this, jobs, busy, action, done -> {
            show(done);
            SubscriptionTexts.done(this, doneKey);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("subscription.nav");
    }
}
