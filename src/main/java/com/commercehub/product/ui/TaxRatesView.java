package com.commercehub.product.ui;

import com.commercehub.base.security.Role;
import com.commercehub.product.FieldProblem;
import com.commercehub.product.ProductValidationException;
import com.commercehub.product.TaxRateDraft;
import com.commercehub.product.TaxRateService;
import com.commercehub.product.TaxRateSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** ADMIN: the tax rates products and quotes may use. */
@Route("tax-rates")
@Menu(order = 79, icon = "vaadin:calc-book", title = "nav.tax-rates")
@RolesAllowed(Role.Names.ADMIN)
public class TaxRatesView extends VerticalLayout implements HasDynamicTitle {

    final Button add = new Button();
    final Grid<TaxRateSummary> grid = new Grid<>();

    private final TaxRateService taxRates;

    TaxRatesView(TaxRateService taxRates) {
        this.taxRates = taxRates;
        setSizeFull();
        add.setText(getTranslation("tax.add"));
        add.setIcon(VaadinIcon.PLUS.create());
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> new TaxRateDialog(null).open());

        grid.addColumn(TaxRateSummary::name).setHeader(getTranslation("tax.name")).setFlexGrow(2);
        grid.addColumn(rate -> rate.percentage().stripTrailingZeros().toPlainString() + " %")
                .setHeader(getTranslation("tax.percentage")).setAutoWidth(true);
        grid.addColumn(rate -> getTranslation(rate.inclusive() ? "tax.inclusive" : "tax.exclusive"))
                .setHeader(getTranslation("tax.kind")).setAutoWidth(true);
        grid.addColumn(rate -> rate.country() == null ? "" : Locale.of("", rate.country()).getDisplayCountry(getLocale())
                + (rate.region() == null ? "" : " — " + rate.region())).setHeader(getTranslation("tax.jurisdiction"));
        grid.addComponentColumn(rate -> {
            Span badge = new Span(getTranslation(rate.archived() ? "products.status.archived" : "products.status.active"));
            badge.getElement().getThemeList().add(rate.archived() ? "badge contrast" : "badge success");
            return badge;
        }).setHeader(getTranslation("products.status")).setAutoWidth(true);
        // A business has a handful of tax rates; the lazy callback pages over that short list.
        grid.setItems(query -> taxRates.all().stream().skip(query.getOffset()).limit(query.getLimit()),
                query -> taxRates.all().size());
        grid.setEmptyStateText(getTranslation("tax.empty"));
        grid.addItemClickListener(e -> new TaxRateDialog(e.getItem()).open());
        add(add, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tax-rates");
    }

    /** Adds or edits one rate, on a copy of its values. */
    final class TaxRateDialog extends Dialog {

        static final class Values {
            String name = "";
            BigDecimal percentage;
            boolean inclusive;
            String country;
            String region = "";
        }

        final TextField name = new TextField();
        final BigDecimalField percentage = new BigDecimalField();
        final Checkbox inclusive = new Checkbox();
        final ComboBox<String> country = new ComboBox<>();
        final TextField region = new TextField();
        final Button save = new Button();
        final Button archive = new Button();
        private final Binder<Values> binder = new Binder<>();
        private final TaxRateSummary existing;

        TaxRateDialog(TaxRateSummary existing) {
            this.existing = existing;
            setHeaderTitle(getTranslation(existing == null ? "tax.add" : "tax.edit"));
            name.setLabel(getTranslation("tax.name"));
            percentage.setLabel(getTranslation("tax.percentage"));
            percentage.setSuffixComponent(new Span("%"));
            inclusive.setLabel(getTranslation("tax.inclusive.label"));
            country.setLabel(getTranslation("tax.country"));
            country.setItems(Arrays.stream(Locale.getISOCountries()).sorted().toList());
            country.setItemLabelGenerator(code -> Locale.of("", code).getDisplayCountry(getLocale()) + " (" + code + ")");
            country.setClearButtonVisible(true);
            region.setLabel(getTranslation("tax.region"));

            binder.forField(name).asRequired(getTranslation("tax.name.required")).bind(v -> v.name, (v, x) -> v.name = x);
            binder.forField(percentage).asRequired(getTranslation("tax.percentage.range"))
                    .withValidator(p -> p.signum() >= 0 && p.compareTo(new BigDecimal("100")) <= 0,
                            getTranslation("tax.percentage.range"))
                    .withValidator(p -> p.stripTrailingZeros().scale() <= 4, getTranslation("tax.percentage.decimals"))
                    .bind(v -> v.percentage, (v, x) -> v.percentage = x);
            binder.forField(inclusive).bind(v -> v.inclusive, (v, x) -> v.inclusive = x);
            binder.forField(country).bind(v -> v.country, (v, x) -> v.country = x);
            binder.forField(region).bind(v -> v.region, (v, x) -> v.region = x);
            Values values = new Values();
            if (existing != null) {
                values.name = existing.name();
                values.percentage = existing.percentage().stripTrailingZeros();
                values.inclusive = existing.inclusive();
                values.country = existing.country();
                values.region = existing.region() == null ? "" : existing.region();
            }
            binder.readBean(values);
            add(new FormLayout(name, percentage, inclusive, country, region));

            save.setText(getTranslation("action.save"));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            archive.setText(getTranslation(existing != null && existing.archived() ? "product.restore" : "product.archive"));
            archive.setVisible(existing != null);
            archive.addClickListener(e -> {
                taxRates.setArchived(existing.id(), existing.version(), !existing.archived());
                grid.getDataProvider().refreshAll();
                close();
            });
            Button cancel = new Button(getTranslation("action.cancel"), e -> close());
            getFooter().add(archive, cancel, save);
        }

        void save() {
            Values v = new Values();
            try {
                binder.writeBean(v);
            } catch (ValidationException e) {
                return;
            }
            TaxRateDraft draft = new TaxRateDraft(v.name, v.percentage, v.inclusive, v.country, v.region);
            try {
                if (existing == null) {
                    taxRates.create(draft);
                } else {
                    taxRates.update(existing.id(), existing.version(), draft);
                }
                grid.getDataProvider().refreshAll();
                close();
            } catch (ProductValidationException e) {
                Map<String, HasValidation> fields = Map.of("name", name, "percentage", percentage, "country", country);
                for (FieldProblem problem : e.problems()) {
                    HasValidation field = fields.getOrDefault(problem.field(), name);
                    field.setErrorMessage(getTranslation(problem.messageKey(), problem.args().toArray()));
                    field.setInvalid(true);
                }
            }
        }
    }
}
