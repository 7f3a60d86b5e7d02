package com.commercehub.stripe.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.stripe.FailedStripeEvent;
import com.commercehub.stripe.ReconcileRun;
import com.commercehub.stripe.StripeEventCounts;
import com.commercehub.stripe.StripeEventService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Settings → Payments, lower half (ADMIN, as the page): how Stripe's events are being processed, the
 * events that failed on every try with a Retry each, and the reconciler's last runs with Run now.
 */
class StripeEventsSection extends VerticalLayout {

    final Paragraph counts = new Paragraph();
    final Grid<FailedStripeEvent> failed = new Grid<>();
    final Grid<ReconcileRun> runs = new Grid<>();
    final Button refresh = new Button();
    final Button runNow = new Button();
    /** The reconciler run in flight, for tests to wait on. */
    CompletableFuture<Optional<ReconcileRun>> running = CompletableFuture.completedFuture(Optional.empty());

    private final StripeEventService service;
    private final BackgroundJobs jobs;

    StripeEventsSection(StripeEventService service, BackgroundJobs jobs) {
        this.service = service;
        this.jobs = jobs;
        setPadding(false);

        refresh.setText(getTranslation("stripe-events.refresh"));
        refresh.addClickListener(e -> refresh());

        failed.addColumn(event -> when(event.receivedAt())).setHeader(getTranslation("stripe-events.received"))
                .setAutoWidth(true);
        failed.addColumn(FailedStripeEvent::type).setHeader(getTranslation("stripe-events.type")).setAutoWidth(true);
        failed.addColumn(FailedStripeEvent::id).setHeader(getTranslation("stripe-events.id")).setAutoWidth(true);
        failed.addColumn(FailedStripeEvent::attempts).setHeader(getTranslation("stripe-events.attempts"))
                .setAutoWidth(true);
        failed.addColumn(FailedStripeEvent::lastError).setHeader(getTranslation("stripe-events.error")).setFlexGrow(1);
        failed.addComponentColumn(event -> {
            Button retry = new Button(getTranslation("stripe-events.retry"), click -> retry(event));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return retry;
        }).setKey("retry").setAutoWidth(true);
        failed.setItems(query -> service.failed(query.getOffset(), query.getLimit()).stream(),
                query -> (int) service.countFailed());
        failed.setEmptyStateText(getTranslation("stripe-events.none-failed"));
        failed.addThemeVariants(GridVariant.LUMO_COMPACT);
        failed.setHeight("16rem");

        runNow.setText(getTranslation("stripe-events.run-now"));
        runNow.addClickListener(e -> runNow());
        runs.addColumn(run -> when(run.startedAt())).setHeader(getTranslation("stripe-events.run.started"))
                .setAutoWidth(true);
        runs.addColumn(run -> run.finishedAt() == null ? "—" : when(run.finishedAt()))
                .setHeader(getTranslation("stripe-events.run.finished")).setAutoWidth(true);
        runs.addColumn(run -> "schedule".equals(run.triggeredBy()) ? getTranslation("stripe-events.run.scheduled")
                : run.triggeredBy()).setHeader(getTranslation("stripe-events.run.by")).setAutoWidth(true);
        runs.addColumn(ReconcileRun::eventsSeen).setHeader(getTranslation("stripe-events.run.seen")).setAutoWidth(true);
        runs.addColumn(ReconcileRun::repaired).setHeader(getTranslation("stripe-events.run.repaired")).setAutoWidth(true);
        runs.addColumn(ReconcileRun::errors).setHeader(getTranslation("stripe-events.run.errors")).setAutoWidth(true);
        runs.addColumn(run -> run.errorMessage() == null ? nullToEmpty(run.details()) : run.errorMessage())
                .setHeader(getTranslation("stripe-events.run.details")).setFlexGrow(1);
        // The newest ten; older runs stay in the table (the grid is lazy, so a long log costs nothing here).
        runs.setItems(query -> service.runs(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(service.countRuns(), 10));
        runs.setEmptyStateText(getTranslation("stripe-events.run.none"));
        runs.addThemeVariants(GridVariant.LUMO_COMPACT);
        runs.setAllRowsVisible(true);
        runs.setPageSize(10);

        add(new H3(getTranslation("stripe-events.heading")), new Paragraph(getTranslation("stripe-events.intro")),
                new HorizontalLayout(counts, refresh), failed,
                new H3(getTranslation("stripe-events.reconciler.heading")),
                new Paragraph(getTranslation("stripe-events.reconciler.intro")), runNow, runs);
        showCounts();
    }

    void refresh() {
        showCounts();
        failed.getDataProvider().refreshAll();
        runs.getDataProvider().refreshAll();
    }

    private void showCounts() {
        StripeEventCounts c = service.counts();
        counts.setText(getTranslation("stripe-events.counts", c.pending(), c.retrying(), c.failed(), c.processed(),
                c.ignored()));
    }

    private void retry(FailedStripeEvent event) {
        if (service.retry(event.id())) {
            Notification.show(getTranslation("stripe-events.retried", event.id()));
        }
        refresh();
    }

    /** Lists events from Stripe: off the UI thread, as the signed-in admin, while the page polls. */
    private void runNow() {
        UI ui = UI.getCurrent();
        runNow.setEnabled(false);
        running = jobs.run(ui, service::reconcileNow, run -> {
            runNow.setEnabled(true);
            Notification.show(run.map(r -> getTranslation("stripe-events.run.done", r.eventsSeen(), r.repaired(), r.errors()))
                    .orElseGet(() -> getTranslation("stripe-events.run.busy")));
            refresh();
        }, error -> {
            runNow.setEnabled(true);
            Notification.show(getTranslation("stripe-events.run.failed"));
            refresh();
        });
    }

    private String when(Instant instant) {
        return Formats.dateTime(instant, ZoneId.systemDefault(), getLocale());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
