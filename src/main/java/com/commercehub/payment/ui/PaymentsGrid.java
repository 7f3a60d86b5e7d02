package com.commercehub.payment.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.payment.PaymentEntry;
import com.commercehub.payment.PaymentResync;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Payments with what Stripe reported: amount charged, gross, Stripe's fee and the net (after refunds),
 * status and method. "Pending" where Stripe has not reported its fee yet.
 */
public class PaymentsGrid extends Grid<PaymentEntry> {

    public PaymentsGrid() {
        addClassName("payments-grid");
        addColumn(p -> p.paidAt() == null ? "—" : Formats.dateTime(p.paidAt(), ZoneOffset.UTC, getLocale()) + " UTC")
                .setHeader(getTranslation("payment.column.date")).setAutoWidth(true).setKey("date");
        addComponentColumn(p -> {
            Span badge = new Span(getTranslation(p.status().messageKey()));
            badge.getElement().getThemeList().add(p.status().received() ? "badge success" : "badge");
            return badge;
        }).setHeader(getTranslation("payment.column.status")).setAutoWidth(true).setKey("status");
        addColumn(p -> money(p.amount())).setHeader(getTranslation("payment.column.amount")).setKey("amount").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        addColumn(p -> money(p.gross())).setHeader(getTranslation("payment.column.gross")).setKey("gross").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        addColumn(p -> money(p.fee())).setHeader(getTranslation("payment.column.fee")).setKey("fee").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        addColumn(p -> money(p.netAfterRefunds())).setHeader(getTranslation("payment.column.net")).setKey("net").setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        addColumn(p -> p.refunded().amount().signum() == 0 ? "—" : money(p.refunded()))
                .setHeader(getTranslation("payment.column.refunded")).setKey("refunded")
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        addColumn(p -> p.method() == null ? "—" : getTranslation("payment.method." + p.method().replace('_', '-')))
                .setHeader(getTranslation("payment.column.method")).setKey("method").setAutoWidth(true);
        addColumn(p -> p.invoiceId() != null ? p.invoiceId() : p.paymentIntentId())
                .setHeader(getTranslation("payment.column.stripe-id")).setKey("stripeId").setAutoWidth(true);
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("payment.none"));
    }

    /**
     * Adds "Re-sync from Stripe" to each row, for staff who may (finance, admin): Stripe is read off the
     * UI thread and the row shows what Stripe says now.
     */
    public void allowResync(PaymentResync resync, BackgroundJobs jobs) {
        addComponentColumn(payment -> {
            Button button = new Button(getTranslation("payment.resync"), VaadinIcon.REFRESH.create());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            button.addClickListener(click -> {
                button.setEnabled(false);
                getUI().ifPresent(ui -> jobs.run(ui, () -> resync.resync(payment.id()), fresh -> {
                    getListDataView().getItems().filter(p -> p.id() == fresh.id()).findFirst()
                            .ifPresent(old -> { getListDataView().addItemAfter(fresh, old); getListDataView().removeItem(old); });
                    Notification.show(getTranslation("payment.resynced"), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }, error -> {
                    button.setEnabled(true);
                    Notification.show(getTranslation("payment.resync-failed"), 6000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }));
            });
            return button;
        }).setKey("resync").setAutoWidth(true).setFlexGrow(0);
    }

    public void show(List<PaymentEntry> payments) {
        setItems(payments);
    }

    private String money(Money money) {
        return money == null ? getTranslation("payment.fee-pending") : Formats.money(money, getLocale());
    }
}
