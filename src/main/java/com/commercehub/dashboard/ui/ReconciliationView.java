package com.commercehub.dashboard.ui;

import com.commercehub.base.ui.DateField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.base.ui.MainLayout;
import com.commercehub.dashboard.PaymentsPageService;
import com.commercehub.dashboard.Period;
import com.commercehub.dashboard.Reconciliation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reconciliation: per day, our totals against Stripe's balance transactions, and each difference with the
 * payment that causes it and a re-sync.
 */
@Route(value = "reconciliation", layout = MainLayout.class)
@Menu(order = 4, icon = "vaadin:scale", title = "dashboard.reconciliation.nav")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN})
public class ReconciliationView extends VerticalLayout implements HasDynamicTitle {

    final DateField from = new DateField();
    final DateField to = new DateField();
    final Button compare = new Button();
    final ProgressBar working = new ProgressBar();
    final Grid<Reconciliation.Day> days = new Grid<>();
    final Grid<Reconciliation.Difference> differences = new Grid<>();
    private final Reconciliation reconciliation;
    private final PaymentsPageService payments;
    private final BackgroundJobs jobs;

    ReconciliationView(Reconciliation reconciliation, PaymentsPageService payments, BackgroundJobs jobs, Clock clock) {
        this.reconciliation = reconciliation;
        this.payments = payments;
        this.jobs = jobs;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        from.setLabel(getTranslation("dashboard.from"));
        to.setLabel(getTranslation("dashboard.to"));
        from.setValue(today.minusDays(6));
        to.setValue(today);
        compare.setText(getTranslation("dashboard.reconciliation.compare"));
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClickListener(e -> compare());
        working.setIndeterminate(true);
        working.setVisible(false);
        working.setWidth("160px");
        days.addColumn(d -> Formats.date(d.day(), getLocale())).setHeader(getTranslation("dashboard.column.bucket")).setAutoWidth(true);
        days.addColumn(Reconciliation.Day::currency).setHeader(getTranslation("dashboard.currency")).setAutoWidth(true);
        days.addColumn(d -> money(d.ourNet())).setHeader(getTranslation("dashboard.reconciliation.ours")).setTextAlign(ColumnTextAlign.END);
        days.addColumn(d -> money(d.stripeNet())).setHeader(getTranslation("dashboard.reconciliation.stripe")).setTextAlign(ColumnTextAlign.END);
        days.addColumn(d -> money(d.ourFee())).setHeader(getTranslation("paymentspage.column.fee")).setTextAlign(ColumnTextAlign.END);
        days.addColumn(d -> money(d.stripeFee())).setHeader(getTranslation("dashboard.reconciliation.stripe-fee")).setTextAlign(ColumnTextAlign.END);
        days.addComponentColumn(d -> {
            Span badge = new Span(getTranslation(d.matches() ? "dashboard.sync.synced" : "dashboard.sync.drifted"));
            badge.getElement().getThemeList().add(d.matches() ? "badge success" : "badge error");
            return badge;
        }).setHeader(getTranslation("paymentspage.column.sync"));
        days.setAllRowsVisible(true);
        differences.addColumn(d -> Formats.date(d.day(), getLocale())).setHeader(getTranslation("dashboard.column.bucket")).setAutoWidth(true);
        differences.addColumn(d -> d.paymentId() == null ? "—" : "#" + d.paymentId()).setHeader(getTranslation("paymentspage.nav")).setAutoWidth(true);
        differences.addColumn(d -> d.chargeId() == null ? "—" : d.chargeId()).setHeader(getTranslation("paymentspage.id.charge")).setAutoWidth(true);
        differences.addColumn(Reconciliation.Difference::reason).setHeader(getTranslation("dashboard.reconciliation.reason")).setFlexGrow(1);
        differences.addComponentColumn(d -> {
            Button resync = new Button(getTranslation("payment.resync"));
            resync.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            resync.setVisible(d.paymentId() != null);
            resync.addClickListener(e -> {
                resync.setEnabled(false);
                jobs.run(UI.getCurrent(), () -> payments.resync(d.paymentId()), row -> compare(),
                        error -> Notification.show(getTranslation("payment.resync-failed"), 6000, Notification.Position.MIDDLE));
            });
            return resync;
        }).setAutoWidth(true).setFlexGrow(0);
        differences.setEmptyStateText(getTranslation("dashboard.reconciliation.none"));
        differences.setAllRowsVisible(true);
        HorizontalLayout controls = new HorizontalLayout(from, to, compare, working);
        controls.setAlignItems(Alignment.BASELINE);
        add(controls, days, new H3(getTranslation("dashboard.reconciliation.differences")), differences);
    }

    void compare() {
        if (DateField.unreadable(from, to)) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("dashboard.period-invalid"));
            return;
        }
        to.setInvalid(false);
        Period period = new Period(from.getValue(), to.getValue());
        working.setVisible(true);
        compare.setEnabled(false);
        jobs.run(UI.getCurrent(), () -> reconciliation.compare(period), report -> {
            working.setVisible(false);
            compare.setEnabled(true);
            days.setItems(report.days());
            differences.setItems(report.differences());
        }, error -> {
            working.setVisible(false);
            compare.setEnabled(true);
            Notification.show(getTranslation("dashboard.reconciliation.failed"), 6000, Notification.Position.MIDDLE);
        });
    }

    private String money(Money money) {
        return Formats.money(money, getLocale());
    }

    /** In the header and the browser tab, in the user's language (phones show no menu to tell where they are). */
    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.reconciliation.nav");
    }
}
