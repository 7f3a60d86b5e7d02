package com.commercehub.dashboard.ui;

import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.ui.DateField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.base.ui.MainLayout;
import com.commercehub.dashboard.AccountingJournal;
import com.commercehub.dashboard.Bucket;
import com.commercehub.dashboard.Exports;
import com.commercehub.dashboard.DashboardFigures;
import com.commercehub.dashboard.DashboardService;
import com.commercehub.dashboard.Period;
import com.commercehub.dashboard.PaymentSources;
import com.commercehub.dashboard.RollupRebuild;
import com.commercehub.dashboard.Totals;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The revenue dashboard: KPI cards for a period against the previous one and four charts, for one currency
 * at a time (never summing currencies). Reads the rollups through {@link DashboardService}.
 */
@Route(value = "dashboard", layout = MainLayout.class)
@Menu(order = 2, icon = "vaadin:chart", title = "dashboard.nav")
@RolesAllowed({Role.Names.FINANCE, Role.Names.ADMIN})
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final String GROSS_COLOR = "#1a73e8";
    private static final String NET_COLOR = "#34a853";

    private final DashboardService dashboard;
    final DateField from = new DateField();
    final DateField to = new DateField();
    final ComboBox<Bucket> bucket = new ComboBox<>();
    final CurrencyField currency = new CurrencyField();
    final FlexLayout cards = new FlexLayout();
    final ChartPanel revenue;
    final ChartPanel byProduct;
    final ChartPanel byOwner;
    final ChartPanel bySource;
    final ChartPanel mrrMovement;
    final Paragraph currencyNote = new Paragraph();
    final Button rebuild = new Button();
    DashboardFigures figures;

    final HorizontalLayout exports = new HorizontalLayout();
    final Button lock = new Button();
    final Map<Exports.Kind, Button> exportButtons = new java.util.EnumMap<>(Exports.Kind.class);
    final ProgressBar exportProgress = new ProgressBar();
    final Span exportStatus = new Span();
    final Span exportReady = new Span();
    java.util.concurrent.CompletableFuture<WrittenExport> runningExport;
    private final Exports exportService;
    private final BackgroundJobs jobs;
    Path exportedFile;
    private final AccountingJournal journal;

    DashboardView(DashboardService dashboard, RollupRebuild rollups, Exports exportService, AccountingJournal journal,
                  BackgroundJobs jobs, Clock clock, AuthenticationContext authentication) {
        this.dashboard = dashboard;
        this.exportService = exportService;
        this.jobs = jobs;
        this.journal = journal;
        addClassName("dashboard-view");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        from.setLabel(getTranslation("dashboard.from"));
        to.setLabel(getTranslation("dashboard.to"));
        from.setValue(today.minusDays(29));
        to.setValue(today);
        bucket.setLabel(getTranslation("dashboard.bucket"));
        bucket.setItems(Bucket.values());
        bucket.setItemLabelGenerator(b -> getTranslation(b.messageKey()));
        bucket.setValue(Bucket.DAY);
        currency.setLabel(getTranslation("dashboard.currency"));
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        bucket.addValueChangeListener(e -> refresh());
        currency.addValueChangeListener(e -> { if (e.isFromClient()) draw(); });
        rebuild.setText(getTranslation("dashboard.rebuild"));
        rebuild.setVisible(authentication.hasRole(Role.Names.ADMIN));
        rebuild.addClickListener(e -> {
            long counted = rollups.rebuild();
            Notification.show(getTranslation("dashboard.rebuilt", counted));
            refresh();
        });
        HorizontalLayout controls = new HorizontalLayout(from, to, bucket, currency, rebuild);
        controls.setAlignItems(Alignment.BASELINE);
        controls.setWrap(true);
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        revenue = new ChartPanel(getTranslation("dashboard.chart.revenue"), getTranslation("dashboard.table-view"),
                getTranslation("finish15.chart.download"));
        byProduct = new ChartPanel(getTranslation("dashboard.chart.product"), getTranslation("dashboard.table-view"),
                getTranslation("finish15.chart.download"));
        byOwner = new ChartPanel(getTranslation("dashboard.chart.owner"), getTranslation("dashboard.table-view"),
                getTranslation("finish15.chart.download"));
        bySource = new ChartPanel(getTranslation("dashboard.chart.source"), getTranslation("dashboard.table-view"),
                getTranslation("finish15.chart.download"));
        mrrMovement = new ChartPanel(getTranslation("dashboard.chart.mrr"), getTranslation("dashboard.table-view"),
                getTranslation("finish15.chart.download"));
        FlexLayout charts = new FlexLayout(revenue, byProduct, byOwner, bySource, mrrMovement);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        charts.getStyle().set("gap", "var(--lumo-space-l)");
        cards.setWidthFull();
        for (Exports.Kind kind : Exports.Kind.values()) {
            Button export = new Button(getTranslation(kind.messageKey()), e -> export(kind));
            export.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            export.addClassName("export-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            exportButtons.put(kind, export);
            exports.add(export);
        }
        exportProgress.setVisible(false);
        exportProgress.setWidth("200px");
        exportStatus.setVisible(false);
        exportStatus.getElement().setAttribute("aria-live", "polite");
        lock.setText(getTranslation("dashboard.lock"));
        lock.addClickListener(e -> lockPeriod());
        exports.add(lock, exportProgress, exportStatus, exportReady);
        exports.setAlignItems(Alignment.BASELINE);
        exports.setWrap(true);
        add(new H2(getTranslation("dashboard.title")), controls, exports, currencyNote, cards, charts);
        refresh();
    }

    /**
     * Writes the export to a temporary file in the background, with a progress bar and the rows written so far
     * (a year of payments takes a while), then offers the file and starts its download.
     */
    void export(Exports.Kind kind) {
        if (DateField.unreadable(from, to)) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            return;
        }
        Period period = new Period(from.getValue(), to.getValue());
        String fileName = kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + period.from() + "-" + period.to() + ".csv";
        UI ui = UI.getCurrent();
        exportButtons.values().forEach(b -> b.setEnabled(false));
        exportReady.removeAll();
        exportProgress.setIndeterminate(true);
        exportProgress.setVisible(true);
        exportStatus.setText(getTranslation("finish15.export.writing"));
        exportStatus.setVisible(true);
        LongConsumer progress = progressTo(ui);
        runningExport = jobs.run(ui, () -> {
            try {
                Path file = Files.createTempFile("export-", ".csv");
                try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    return new WrittenExport(file, exportService.write(kind, period, writer, progress));
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, written -> exportWritten(written, fileName), error -> {
            exportFinished();
            Notification.show(getTranslation("finish15.export.failed"), 6000, Notification.Position.MIDDLE);
        });
    }

    /** Progress from the export's thread: the rows written so far, shown in the UI. */
    LongConsumer progressTo(UI ui) {
        return rows -> ui.access(() -> exportStatus.setText(getTranslation("finish15.export.progress", rows)));
    }

    private void exportWritten(WrittenExport written, String fileName) {
        exportFinished();
        forgetExportedFile();
        exportedFile = written.file();
        Anchor download = new Anchor(DownloadHandler.forFile(written.file().toFile(), fileName),
                getTranslation("finish15.export.download", fileName, written.rows()));
        download.getElement().setAttribute("download", true);
        download.addClassName("export-download");
        exportReady.add(download);
        download.getElement().executeJs("this.click()");
    }

    private void exportFinished() {
        exportProgress.setVisible(false);
        exportStatus.setVisible(false);
        exportButtons.values().forEach(b -> b.setEnabled(true));
    }

    record WrittenExport(Path file, long rows) {
    }

    /** The written file lives only as long as its link: replaced by the next export, gone when the page closes. */
    private void forgetExportedFile() {
        if (exportedFile != null) {
            try {
                Files.deleteIfExists(exportedFile);
            } catch (IOException ignored) {
                // a temporary file the system cleans up anyway
            }
            exportedFile = null;
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        forgetExportedFile();
        super.onDetach(detachEvent);
    }

    void lockPeriod() {
        if (DateField.unreadable(from, to)) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            return;
        }
        Period period = new Period(from.getValue(), to.getValue());
        try {
            journal.lock(period);
            Notification.show(getTranslation("dashboard.locked"), 5000, Notification.Position.BOTTOM_START);
        } catch (IllegalStateException overlapping) {
            Notification.show(getTranslation("dashboard.lock-overlaps"), 6000, Notification.Position.MIDDLE);
        }
        lock.setEnabled(!journal.locked(period));
    }

    void refresh() {
        if (DateField.unreadable(from, to)) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("dashboard.period-invalid"));
            return;
        }
        to.setInvalid(false);
        lock.setEnabled(!journal.locked(new Period(from.getValue(), to.getValue())));
        figures = dashboard.figures(new Period(from.getValue(), to.getValue()), bucket.getValue() == null ? Bucket.DAY
                : bucket.getValue());
        List<String> currencies = new ArrayList<>(figures.currencies());
        figures.mrr().forEach(m -> { if (!currencies.contains(m.currency().getCurrencyCode())) currencies.add(m.currency().getCurrencyCode()); });
        // a currency only invoiced so far still gets its open and overdue cards
        if (figures.openInvoices() != null) {
            figures.openInvoices().forEach(o -> { if (!currencies.contains(o.open().currency().getCurrencyCode())) currencies.add(o.open().currency().getCurrencyCode()); });
        }
        String chosen = currency.getValue();
        currency.setCurrencies(currencies);
        currency.setValue(currencies.contains(chosen) ? chosen : currencies.isEmpty() ? null : currencies.getFirst());
        draw();
    }

    private void draw() {
        String code = currency.getValue();
        cards.removeAll();
        currencyNote.setText(getTranslation("dashboard.currency-note", currency.getListDataView().getItemCount()));
        if (code == null) {
            cards.add(new Span(getTranslation("dashboard.empty")));
        }
        java.util.Currency c = code == null ? java.util.Currency.getInstance("EUR") : java.util.Currency.getInstance(code);
        Totals now = find(figures.current(), c);
        Totals before = find(figures.previous(), c);
        card("gross", now.gross(), before.gross());
        card("net", now.netRevenue(), before.netRevenue());
        card("fees", now.fee(), before.fee());
        card("refunds", now.refunded(), before.refunded());
        countCard("count", now.payments(), before.payments());
        card("average", now.average(), before.average());
        Money mrr = figures.mrr().stream().filter(m -> m.currency().equals(c)).findFirst().orElse(Money.zero(c));
        card("mrr", mrr, null);
        card("arr", mrr.times(12), null);
        if (figures.openInvoices() != null) {
            figures.openInvoices().stream().filter(o -> o.open().currency().equals(c)).findFirst().ifPresent(o -> {
                card("open-invoices", o.open(), null);
                card("overdue-invoices", o.overdue(), null);
            });
        }
        String suffix = "-" + (code == null ? "" : code + "-") + from.getValue() + "-" + to.getValue() + ".csv";
        revenue.fileName = "revenue" + suffix;
        byProduct.fileName = "revenue-by-product" + suffix;
        byOwner.fileName = "revenue-by-owner" + suffix;
        bySource.fileName = "revenue-by-source" + suffix;
        mrrMovement.fileName = "mrr-movement" + suffix;
        drawRevenue(c);
        drawSlices(byProduct, figures.byProduct(), c, label -> label.isEmpty() ? getTranslation("dashboard.unattributed") : label);
        drawSlices(byOwner, figures.byOwner(), c, label -> label.isEmpty() ? getTranslation("dashboard.no-owner") : label);
        drawSlices(bySource, figures.bySource(), c, label -> getTranslation(PaymentSources.of(label).messageKey()));
        drawMrr(c);
    }

    private void drawRevenue(java.util.Currency c) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> gross = new ArrayList<>();
        List<BigDecimal> net = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DashboardFigures.Point p : figures.revenue()) {
            if (!p.gross().currency().equals(c)) {
                continue;
            }
            String label = Formats.date(p.bucket(), getLocale());
            labels.add(label);
            gross.add(p.gross().amount());
            net.add(p.net().amount());
            rows.add(List.of(label, Formats.money(p.gross(), getLocale()), Formats.money(p.net(), getLocale())));
        }
        revenue.show("line", labels, List.of(new ChartPanel.Series(getTranslation("dashboard.kpi.gross"), gross, GROSS_COLOR),
                        new ChartPanel.Series(getTranslation("dashboard.kpi.net"), net, NET_COLOR)),
                List.of(getTranslation("dashboard.column.bucket"), getTranslation("dashboard.kpi.gross"),
                        getTranslation("dashboard.kpi.net")), rows);
    }

    private void drawSlices(ChartPanel chart, List<DashboardFigures.Slice> slices, java.util.Currency c,
                            Function<String, String> label) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (DashboardFigures.Slice s : slices) {
            if (s.gross().currency().equals(c)) {
                labels.add(label.apply(s.label()));
                values.add(s.gross().amount());
                rows.add(List.of(label.apply(s.label()), Formats.money(s.gross(), getLocale())));
            }
        }
        chart.show("bar", labels, List.of(new ChartPanel.Series(getTranslation("dashboard.kpi.gross"), values, GROSS_COLOR)),
                List.of(getTranslation("dashboard.column.label"), getTranslation("dashboard.kpi.gross")), rows);
    }

    private void drawMrr(java.util.Currency c) {
        TreeSet<LocalDate> months = new TreeSet<>();
        Map<String, Map<LocalDate, BigDecimal>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("new", "expansion", "contraction", "churn")) {
            byKind.put(kind, new java.util.HashMap<>());
        }
        for (DashboardFigures.MrrMove m : figures.mrrMovement()) {
            if (m.amount().currency().equals(c)) {
                months.add(m.month());
                byKind.get(m.kind()).merge(m.month(), m.amount().amount(), BigDecimal::add);
            }
        }
        List<String> labels = months.stream().map(m -> Formats.date(m, getLocale())).toList();
        Map<String, String> colors = Map.of("new", "#34a853", "expansion", "#1a73e8", "contraction", "#fbbc04", "churn", "#ea4335");
        List<ChartPanel.Series> series = new ArrayList<>();
        byKind.forEach((kind, values) -> series.add(new ChartPanel.Series(getTranslation("dashboard.mrr." + kind),
                months.stream().map(m -> values.getOrDefault(m, BigDecimal.ZERO)).toList(), colors.get(kind))));
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate m : months) {
            List<String> row = new ArrayList<>();
            row.add(Formats.date(m, getLocale()));
            byKind.values().forEach(v -> row.add(Formats.money(new Money(v.getOrDefault(m, BigDecimal.ZERO), c), getLocale())));
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of(getTranslation("dashboard.column.month")));
        byKind.keySet().forEach(kind -> header.add(getTranslation("dashboard.mrr." + kind)));
        mrrMovement.show("bar", labels, series, header, rows);
    }

    private void card(String key, Money value, Money previous) {
        String shown = value == null ? "—" : Formats.money(value, getLocale());
        String was = previous == null ? null : Formats.money(previous, getLocale());
        cards.add(card(key, shown, was, value == null || previous == null ? null : change(value.amount(), previous.amount())));
    }

    private void countCard(String key, long value, long previous) {
        cards.add(card(key, Formats.number(BigDecimal.valueOf(value), getLocale()),
                Formats.number(BigDecimal.valueOf(previous), getLocale()),
                change(BigDecimal.valueOf(value), BigDecimal.valueOf(previous))));
    }

    private Div card(String key, String value, String previous, String change) {
        Div card = new Div();
        card.addClassName("kpi-card");
        card.getElement().setAttribute("data-kpi", key);
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)").set("min-width", "180px");
        Span title = new Span(getTranslation("dashboard.kpi." + key));
        title.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
        Span figure = new Span(value);
        figure.addClassName("kpi-value");
        figure.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        card.add(title, figure);
        if (previous != null) {
            Span compared = new Span(getTranslation("dashboard.previous", previous) + (change == null ? "" : " (" + change + ")"));
            compared.getStyle().set("font-size", "var(--lumo-font-size-s)");
            card.add(compared);
        }
        return card;
    }

    private String change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        BigDecimal percent = now.subtract(before).multiply(BigDecimal.valueOf(100))
                .divide(before.abs(), 1, java.math.RoundingMode.HALF_UP);
        return (percent.signum() > 0 ? "+" : "") + Formats.number(percent, getLocale()) + " %";
    }

    private static Totals find(List<Totals> totals, java.util.Currency c) {
        Optional<Totals> found = totals.stream().filter(t -> t.currency().equals(c)).findFirst();
        Money zero = Money.zero(c);
        return found.orElse(new Totals(c, 0, zero, zero, zero, 0, zero, 0, zero));
    }

    /** In the header and the browser tab, in the user's language (phones show no menu to tell where they are). */
    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.nav");
    }
}
