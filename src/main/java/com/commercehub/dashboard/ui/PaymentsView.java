package com.commercehub.dashboard.ui;

import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.ui.DateField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.base.ui.MainLayout;
import com.commercehub.base.ui.PhoneLayout;
import com.commercehub.base.ui.SearchField;
import com.commercehub.dashboard.PaymentDetails;
import com.commercehub.dashboard.PaymentFilter;
import com.commercehub.dashboard.PaymentRow;
import com.commercehub.dashboard.PaymentSources;
import com.commercehub.dashboard.PaymentsPageService;
import com.commercehub.dashboard.Period;
import com.commercehub.dashboard.SyncState;
import com.commercehub.payment.PaymentStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;
import java.util.List;

/**
 * Finance's payments page: a lazy grid of all payments (SALES: those of their own deals) with Stripe's sync
 * state, filters and search, and a drawer with Stripe's ids, refunds, the events received, re-sync and refund.
 */
@Route(value = "payments", layout = MainLayout.class)
@Menu(order = 3, icon = "vaadin:money", title = "paymentspage.nav")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class PaymentsView extends VerticalLayout implements HasDynamicTitle {

    private final PaymentsPageService payments;
    private final BackgroundJobs jobs;
    final boolean finance;
    final DateField from = new DateField();
    final DateField to = new DateField();
    final ComboBox<PaymentStatus> status = new ComboBox<>();
    final ComboBox<PaymentSources> source = new ComboBox<>();
    final CurrencyField currency = new CurrencyField();
    final ComboBox<SyncState> sync = new ComboBox<>();
    final TextField owner = new TextField();
    final SearchField search;
    final Grid<PaymentRow> grid = new Grid<>();
    final VerticalLayout drawer = new VerticalLayout();
    final Button resyncRange = new Button();
    final ProgressBar progress = new ProgressBar();
    /** Shows and hides the filters below the search; phones start with them folded, they fill a phone's screen. */
    final Button filtersToggle = new Button();
    final HorizontalLayout filters = new HorizontalLayout();
    private long total;

    PaymentsView(PaymentsPageService payments, BackgroundJobs jobs, AuthenticationContext authentication) {
        this.payments = payments;
        this.jobs = jobs;
        this.finance = authentication.hasAnyRole(Role.Names.FINANCE, Role.Names.ADMIN);
        addClassName("payments-view");
        setSizeFull();
        search = new SearchField(getTranslation("paymentspage.search"));
        from.setLabel(getTranslation("dashboard.from"));
        to.setLabel(getTranslation("dashboard.to"));
        status.setLabel(getTranslation("paymentspage.column.status"));
        status.setItems(PaymentStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        source.setLabel(getTranslation("paymentspage.column.source"));
        source.setItems(PaymentSources.values());
        source.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        currency.setLabel(getTranslation("dashboard.currency"));
        currency.setCurrencies(payments.currencies());
        sync.setLabel(getTranslation("paymentspage.column.sync"));
        sync.setItems(SyncState.values());
        sync.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        owner.setLabel(getTranslation("paymentspage.owner"));
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        owner.setVisible(finance);
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        source.addValueChangeListener(e -> refresh());
        currency.addValueChangeListener(e -> refresh());
        sync.addValueChangeListener(e -> refresh());
        owner.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        resyncRange.setText(getTranslation("paymentspage.resync-range"));
        resyncRange.setVisible(finance);
        resyncRange.addClickListener(e -> resyncRange());
        progress.setVisible(false);
        progress.setWidth("240px");
        search.addClassName("list-filter");
        filtersToggle.setIcon(VaadinIcon.FILTER.create());
        filtersToggle.addClassName("payments-filter-toggle");
        filtersToggle.addClickListener(e -> showFilters(!filters.isVisible()));
        filters.add(from, to, status, source, currency, sync, owner, resyncRange, progress);
        filters.addClassName("payments-filters");
        filters.setWrap(true);
        filters.setAlignItems(Alignment.BASELINE);
        HorizontalLayout searchRow = new HorizontalLayout(search, filtersToggle);
        searchRow.setAlignItems(Alignment.BASELINE);
        searchRow.setWidthFull();
        searchRow.expand(search);
        showFilters(true);
        PhoneLayout.follow(this, phone -> showFilters(!phone));
        buildGrid();
        drawer.setVisible(false);
        drawer.addClassName("payment-drawer");
        drawer.setWidth("420px");
        drawer.setMaxWidth("100%");
        drawer.getStyle().set("border-left", "1px solid var(--lumo-contrast-10pct)").set("overflow", "auto");
        HorizontalLayout body = new HorizontalLayout(grid, drawer);
        body.setSizeFull();
        body.expand(grid);
        add(searchRow, filters, body);
        expand(body);
        refresh();
    }

    private void buildGrid() {
        grid.addColumn(p -> Formats.dateTime(p.bookedAt(), ZoneOffset.UTC, getLocale())).setHeader(getTranslation("paymentspage.column.date")).setKey("date").setAutoWidth(true);
        grid.addColumn(p -> p.buyer() == null ? "—" : p.buyer()).setHeader(getTranslation("paymentspage.column.buyer")).setKey("buyer").setAutoWidth(true);
        grid.addComponentColumn(this::source)
                .setHeader(getTranslation("paymentspage.column.source")).setKey("source").setAutoWidth(true);
        grid.addColumn(p -> p.method() == null ? "—" : getTranslation("payment.method." + p.method().replace('_', '-')))
                .setHeader(getTranslation("paymentspage.column.method")).setKey("method").setAutoWidth(true);
        grid.addComponentColumn(p -> badge(getTranslation(p.status().messageKey()), p.status().received() ? "success" : null))
                .setHeader(getTranslation("paymentspage.column.status")).setKey("status").setAutoWidth(true);
        grid.addColumn(p -> money(p.amount())).setHeader(getTranslation("paymentspage.column.gross")).setKey("gross")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> money(p.fee())).setHeader(getTranslation("paymentspage.column.fee")).setKey("fee")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> money(p.net())).setHeader(getTranslation("paymentspage.column.net")).setKey("net")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> p.amount().currency().getCurrencyCode()).setHeader(getTranslation("dashboard.currency")).setKey("currency");
        grid.addComponentColumn(p -> {
            Span badge = badge(getTranslation(p.sync().messageKey()), switch (p.sync()) {
                case SYNCED -> "success";
                case PENDING -> null;
                case DRIFTED -> "contrast";
                case FAILED -> "error";
            });
            String when = p.comparedAt() == null ? "" : Formats.dateTime(p.comparedAt(), ZoneOffset.UTC, getLocale());
            badge.setTitle((p.syncReason() == null ? "" : p.syncReason() + " — ") + when);
            return badge;
        }).setHeader(getTranslation("paymentspage.column.sync")).setKey("sync").setAutoWidth(true).setFrozenToEnd(true);
        // The sync state is what this page is for: on a desktop it stays in view while the columns before it
        // scroll (in German, or beside the drawer, they do not all fit); a phone shows name and amount first instead.
        PhoneLayout.follow(grid, phone -> grid.getColumnByKey("sync").setFrozenToEnd(!phone));
        PhoneLayout.nameAndAmountFirst(grid, grid.getColumnByKey("buyer"), grid.getColumnByKey("gross"));
        grid.setItems(query -> payments.page(filter(), query.getOffset(), query.getLimit(), total).stream(),
                query -> (int) (total = payments.count(filter())));
        grid.setEmptyStateText(getTranslation("payment.none"));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() == null) {
                drawer.setVisible(false);
            } else {
                open(e.getValue().id());
            }
        });
    }

    PaymentFilter filter() {
        return new PaymentFilter(from.lastReadValue(), to.lastReadValue(), status.getValue(), source.getValue(), currency.getValue(),
                owner.getValue().isBlank() ? null : owner.getValue().strip(), sync.getValue(), search.getValue());
    }

    void refresh() {
        if (DateField.unreadable(from, to)) {
            return;
        }
        grid.getDataProvider().refreshAll();
        filtersToggle.setText(activeFilters() == 0 ? getTranslation("phone12.payments.filters")
                : getTranslation("phone12.payments.filters.active", activeFilters()));
    }

    void showFilters(boolean shown) {
        filters.setVisible(shown);
        filtersToggle.getElement().setAttribute("aria-expanded", Boolean.toString(shown));
    }

    /** The filters set below the search, counted on the toggle so that folded filters still say they apply. */
    int activeFilters() {
        return (int) java.util.stream.Stream.of(from.getValue(), to.getValue(), status.getValue(), source.getValue(),
                currency.getValue(), sync.getValue(), owner.getValue().isBlank() ? null : owner.getValue())
                .filter(java.util.Objects::nonNull).count();
    }

    /** Opens the drawer on one payment. */
    void open(long paymentId) {
        PaymentDetails details = payments.details(paymentId);
        PaymentRow row = details.row();
        drawer.removeAll();
        drawer.setVisible(true);
        drawer.add(new H3(getTranslation("paymentspage.drawer.title", Formats.money(row.amount(), getLocale()))));
        Div facts = new Div();
        facts.addClassName("payment-facts");
        // Stripe ids (a Checkout Session's is 66 characters) break inside the drawer instead of running out of it.
        facts.getStyle().set("overflow-wrap", "anywhere");
        fact(facts, "paymentspage.column.status", getTranslation(row.status().messageKey()));
        fact(facts, "paymentspage.column.sync", getTranslation(row.sync().messageKey())
                + (row.syncReason() == null ? "" : " — " + row.syncReason()));
        fact(facts, "paymentspage.compared", row.comparedAt() == null ? "—" : Formats.dateTime(row.comparedAt(), ZoneOffset.UTC, getLocale()));
        fact(facts, "paymentspage.column.gross", money(row.gross()));
        fact(facts, "paymentspage.column.fee", money(row.fee()));
        fact(facts, "paymentspage.column.net", money(row.net()));
        fact(facts, "paymentspage.refunded", money(row.refunded()));
        fact(facts, "paymentspage.id.intent", details.paymentIntentId());
        fact(facts, "paymentspage.id.charge", details.chargeId());
        fact(facts, "paymentspage.id.balance", details.balanceTransactionId());
        fact(facts, "paymentspage.id.session", details.checkoutSessionId());
        fact(facts, "paymentspage.id.invoice", details.invoiceId());
        fact(facts, "paymentspage.id.subscription", details.subscriptionId());
        fact(facts, "paymentspage.id.dispute", details.disputeId());
        if (details.failureReason() != null) {
            fact(facts, "paymentspage.failure", details.failureReason());
        }
        drawer.add(facts);
        HorizontalLayout documents = new HorizontalLayout();
        if (row.invoice() != null) {
            documents.add(source(row));
        }
        if (row.receiptNumber() != null) {
            // The staff receipt download (buyer.StaffReceiptDocuments), opened beside the page.
            Anchor receipt = new Anchor("/staff/receipts/" + row.receiptNumber() + "/pdf",
                    getTranslation("finish13.payments.receipt", row.receiptNumber()));
            receipt.setTarget("_blank");
            receipt.addClassName("payment-receipt");
            documents.add(receipt);
        }
        if (documents.getComponentCount() > 0) {
            drawer.add(documents);
        }
        drawer.add(new H3(getTranslation("paymentspage.refunds")));
        if (details.refunds().isEmpty()) {
            drawer.add(new Span(getTranslation("paymentspage.refunds.none")));
        }
        for (PaymentDetails.Refund refund : details.refunds()) {
            Span line = new Span(Formats.dateTime(refund.createdAt(), ZoneOffset.UTC, getLocale()) + " · "
                    + Formats.money(refund.amount(), getLocale()) + " · " + refund.status() + " · " + refund.refundId());
            line.addClassName("refund-line");
            drawer.add(line);
        }
        drawer.add(new H3(getTranslation("paymentspage.events")));
        if (details.events().isEmpty()) {
            drawer.add(new Span(getTranslation("paymentspage.events.none")));
        }
        for (PaymentDetails.Event event : details.events()) {
            Span line = new Span(Formats.dateTime(event.receivedAt(), ZoneOffset.UTC, getLocale()) + " · " + event.type()
                    + " · " + event.id());
            line.addClassName("event-line");
            drawer.add(line);
        }
        if (finance) {
            Button resync = new Button(getTranslation("payment.resync"), e -> resyncOne(paymentId));
            resync.addClassName("drawer-resync");
            Button refund = new Button(getTranslation("paymentspage.refund"), e -> new RefundDialog(payments, row, this::open).open());
            refund.addClassName("drawer-refund");
            refund.setEnabled(row.refundable().amount().signum() > 0);
            drawer.add(new HorizontalLayout(resync, refund));
        }
        drawer.add(new Button(getTranslation("paymentspage.close"), e -> grid.asSingleSelect().clear()));
    }

    private void resyncOne(long paymentId) {
        UI ui = UI.getCurrent();
        jobs.run(ui, () -> payments.resync(paymentId), fresh -> {
            grid.getDataProvider().refreshItem(fresh);
            open(paymentId);
            Notification.show(getTranslation("payment.resynced"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }, error -> {
            open(paymentId);
            Notification.show(getTranslation("payment.resync-failed"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
    }

    /** Re-syncs every payment of the filter's date range from Stripe, one by one, with a progress bar. */
    void resyncRange() {
        if (DateField.unreadable(from, to)) {
            return;
        }
        if (from.getValue() == null || to.getValue() == null || to.getValue().isBefore(from.getValue())) {
            to.setInvalid(true);
            to.setErrorMessage(getTranslation("paymentspage.resync-range.needs-period"));
            return;
        }
        to.setInvalid(false);
        List<Long> ids = payments.idsIn(new Period(from.getValue(), to.getValue()));
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        progress.setValue(0);
        resyncRange.setEnabled(false);
        int[] failed = {0};
        jobs.run(ui, () -> {
            for (int i = 0; i < ids.size(); i++) {
                try {
                    payments.resync(ids.get(i));
                } catch (RuntimeException e) {
                    failed[0]++;
                }
                double done = (i + 1) / (double) ids.size();
                ui.access(() -> progress.setValue(done));
            }
            return ids.size();
        }, count -> {
            progress.setVisible(false);
            resyncRange.setEnabled(true);
            refresh();
            Notification.show(getTranslation("paymentspage.resync-range.done", count, failed[0]), 6000,
                    Notification.Position.BOTTOM_START);
        }, error -> {
            progress.setVisible(false);
            resyncRange.setEnabled(true);
        });
    }

    /**
     * The payment's source; a payment that settles one of our invoices links to it (by address, so that this
     * page needs nothing of the invoice package's views).
     */
    private com.vaadin.flow.component.Component source(PaymentRow row) {
        String label = getTranslation(row.source().messageKey());
        if (row.invoice() != null) {
            Anchor invoice = new Anchor("invoices/" + row.invoice(), label + " " + (row.invoiceNumber() == null ? "" : row.invoiceNumber()));
            invoice.getElement().setAttribute("router-link", true);
            invoice.addClassName("payment-invoice");
            return invoice;
        }
        if (row.quoteId() != null) {
            // The number the rep knows the quote by, linked like the invoice (the id alone means nothing to them).
            Anchor quote = new Anchor("quotes/" + row.quoteId(), label + " " + row.quoteNumber());
            quote.getElement().setAttribute("router-link", true);
            quote.addClassName("payment-quote");
            return quote;
        }
        return new Span(label);
    }

    private void fact(Div facts, String key, String value) {
        Div line = new Div(new Span(getTranslation(key) + ": "), new Span(value == null ? "—" : value));
        facts.add(line);
    }

    private static Span badge(String text, String variant) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(variant == null ? "badge" : "badge " + variant);
        return badge;
    }

    private String money(Money money) {
        return money == null ? getTranslation("payment.fee-pending") : Formats.money(money, getLocale());
    }

    /** In the header and the browser tab, in the user's language (phones show no menu to tell where they are). */
    @Override
    public String getPageTitle() {
        return getTranslation("paymentspage.nav");
    }
}
