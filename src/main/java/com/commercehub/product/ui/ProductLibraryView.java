package com.commercehub.product.ui;

import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.product.DemoCatalogue;
import com.commercehub.product.ProductCsvService;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductListEntry;
import com.commercehub.product.ProductService;
import com.commercehub.product.TaxRateService;
import com.commercehub.base.ui.SearchField;
import com.commercehub.base.ui.PhoneLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/** The shared product library: search, filter, edit (SALES), read (FINANCE), import and export. */
@Route("products")
@Menu(order = 10, icon = "vaadin:package", title = "nav.products")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class ProductLibraryView extends VerticalLayout implements HasDynamicTitle {

    final SearchField search;
    final Select<ProductFilter.BillingKind> billing = new Select<>();
    final CurrencyField currency = new CurrencyField();
    final Select<ProductFilter.Status> status = new Select<>();
    final Button add = new Button();
    final Button importCsv = new Button();
    final Button loadDemo = new Button();
    final Anchor exportCsv;
    final Grid<ProductListEntry> grid = new Grid<>();
    final Span total = new Span();

    private final ProductService products;
    private final ProductCsvService csv;
    private final TaxRateService taxRates;
    private final DemoCatalogue demo;
    private final BackgroundJobs jobs;
    private final boolean editable;
    /** Read by the export download, which runs outside the UI lock. */
    private volatile ProductFilter currentFilter = ProductFilter.active();

    ProductLibraryView(ProductService products, ProductCsvService csv, TaxRateService taxRates, DemoCatalogue demo,
                       BackgroundJobs jobs, AuthenticationContext authentication) {
        this.jobs = jobs;
        this.products = products;
        this.csv = csv;
        this.taxRates = taxRates;
        this.demo = demo;
        this.editable = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        boolean admin = authentication.hasRole(Role.Names.ADMIN);
        setSizeFull();
        search = new SearchField(getTranslation("products.search"));
        addClassName("product-library");

        billing.setLabel(getTranslation("product.billing"));
        billing.setItems(ProductFilter.BillingKind.values());
        billing.setEmptySelectionAllowed(true);
        billing.setEmptySelectionCaption(getTranslation("filter.all"));
        billing.setItemLabelGenerator(kind -> kind == null ? getTranslation("filter.all")
                : getTranslation("billing.kind." + kind.name().toLowerCase()));
        currency.setLabel(getTranslation("product.currency"));
        currency.setCurrencies(products.currenciesInUse());
        currency.setClearButtonVisible(true);
        currency.setPlaceholder(getTranslation("filter.all"));
        status.setLabel(getTranslation("products.status"));
        status.setItems(ProductFilter.Status.values());
        status.setItemLabelGenerator(s -> getTranslation("products.status." + s.name().toLowerCase()));
        status.setValue(ProductFilter.Status.ACTIVE);
        search.addValueChangeListener(e -> refresh());
        billing.addValueChangeListener(e -> refresh());
        currency.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());

        add.setText(getTranslation("product.new"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClassName("list-primary");
        add.addClickListener(e -> openForm(null));
        add.setVisible(editable);
        importCsv.setText(getTranslation("products.import"));
        importCsv.setIcon(VaadinIcon.UPLOAD.create());
        importCsv.addClickListener(e -> new ProductImportDialog(csv, jobs, this::afterImport).open());
        importCsv.setVisible(editable);
        exportCsv = new Anchor(exportHandler(), "");
        exportCsv.add(new Button(getTranslation("products.export"), VaadinIcon.DOWNLOAD.create()));
        loadDemo.setText(getTranslation("demo.load"));
        loadDemo.addClickListener(e -> loadDemo());
        loadDemo.setVisible(admin && demo.canLoad());

        configureGrid();
        search.addClassName("list-filter");
        HorizontalLayout filters = new HorizontalLayout(search, billing, currency, status);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setFlexGrow(1, search);
        HorizontalLayout actions = new HorizontalLayout(total, loadDemo, importCsv, exportCsv, add);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.addClassName("list-actions");
        HorizontalLayout toolbar = new HorizontalLayout(filters, actions);
        toolbar.setWidthFull();
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.setFlexGrow(1, filters);
        toolbar.setWrap(true);
        add(toolbar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(ProductListEntry::name).setHeader(getTranslation("product.name")).setKey("name")
                .setSortable(true).setSortProperty("name").setAutoWidth(true).setFlexGrow(3).setResizable(true);
        grid.addColumn(ProductListEntry::sku).setHeader(getTranslation("product.sku")).setKey("sku")
                .setSortable(true).setSortProperty("sku").setAutoWidth(true);
        grid.addColumn(entry -> Formats.money(entry.price(), getLocale())).setHeader(getTranslation("product.price"))
                .setKey("price").setSortable(true).setSortProperty("price").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(entry -> BillingLabels.of(this, entry.frequency(), entry.termPeriods()))
                .setHeader(getTranslation("product.billing")).setKey("billing").setAutoWidth(true);
        grid.addColumn(entry -> entry.taxRateName() == null ? "" : entry.taxRateName())
                .setHeader(getTranslation("product.tax-rate")).setKey("taxRate").setAutoWidth(true);
        grid.addComponentColumn(entry -> {
            Span badge = new Span(getTranslation(entry.archived() ? "products.status.archived" : "products.status.active"));
            badge.getElement().getThemeList().add(entry.archived() ? "badge contrast" : "badge success");
            return badge;
        }).setHeader(getTranslation("products.status")).setKey("status").setAutoWidth(true);
        grid.addColumn(entry -> Formats.dateTime(entry.updatedAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("products.updated")).setKey("updated").setSortable(true)
                .setSortProperty("updated").setAutoWidth(true);
        grid.setItems(query -> products.page(currentFilter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> {
                    // The grid counts anyway; the total above it reuses that count instead of asking again.
                    int count = products.count(currentFilter);
                    total.setText(getTranslation("products.count", count));
                    return count;
                });
        PhoneLayout.nameAndAmountFirst(grid, grid.getColumnByKey("name"), grid.getColumnByKey("price"));
        grid.setEmptyStateText(getTranslation("products.empty"));
        grid.addItemClickListener(e -> openForm(e.getItem()));
        grid.setSizeFull();
    }

    ProductFilter filter() {
        return new ProductFilter(search.getValue(), billing.getValue(), currency.getValue(),
                status.getValue() == null ? ProductFilter.Status.ACTIVE : status.getValue());
    }

    private void refresh() {
        currentFilter = filter();
        grid.getDataProvider().refreshAll();
    }

    private DownloadHandler exportHandler() {
        return event -> {
            event.setFileName("products.csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (var writer = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
                csv.export(currentFilter, writer);
            }
        };
    }

    private void openForm(ProductListEntry entry) {
        var details = entry == null ? null : products.get(entry.id());
        new ProductForm(products, taxRates.all(), editable, details, saved -> afterChange()).open();
    }

    private void afterChange() {
        currency.setCurrencies(products.currenciesInUse());
        refresh();
    }

    private void afterImport() {
        afterChange();
        loadDemo.setVisible(false);
    }

    private void loadDemo() {
        int added = demo.load();
        Notification.show(getTranslation("demo.loaded", added), 4000, Notification.Position.BOTTOM_START);
        loadDemo.setVisible(false);
        afterChange();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.products");
    }
}
