package com.commercehub.product.ui;

import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.money.Money;
import com.commercehub.product.BillingChoice;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.FieldProblem;
import com.commercehub.product.IntervalUnit;
import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductDraft;
import com.commercehub.product.ProductInUseException;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductValidationException;
import com.commercehub.product.TaxRateSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Creates or edits one product. Edits a copy of the values (buffered), so Cancel changes nothing;
 * the service has the last word on validity and its problems appear next to the fields.
 */
class ProductForm extends Dialog {

    /** The values being edited. */
    static final class Values {
        String name = "";
        String sku = "";
        String description = "";
        BigDecimal price;
        String currency = "EUR";
        BillingChoice billing = BillingChoice.ONE_TIME;
        Integer customCount = 1;
        IntervalUnit customUnit = IntervalUnit.MONTH;
        Integer termPeriods;
        BigDecimal unitCost;
        TaxRateSummary taxRate;
        String url = "";
        String imageUrl = "";
    }

    final TextField name = new TextField();
    final TextField sku = new TextField();
    final TextArea description = new TextArea();
    final com.commercehub.base.ui.AmountField price = new com.commercehub.base.ui.AmountField();
    final CurrencyField currency = new CurrencyField();
    final Select<BillingChoice> billing = new Select<>();
    final IntegerField customCount = new IntegerField();
    final Select<IntervalUnit> customUnit = new Select<>();
    final IntegerField termPeriods = new IntegerField();
    final com.commercehub.base.ui.AmountField unitCost = new com.commercehub.base.ui.AmountField();
    final ComboBox<TaxRateSummary> taxRate = new ComboBox<>();
    final TextField url = new TextField();
    final TextField imageUrl = new TextField();
    final Button save = new Button();
    final Button cancel = new Button();
    final Button duplicate = new Button();
    final Button archive = new Button();
    final Button delete = new Button();
    final Paragraph inUse = new Paragraph();

    private final ProductService products;
    private final Consumer<ProductDetails> onSaved;
    private final Binder<Values> binder = new Binder<>();
    private ProductDetails existing;

    ProductForm(ProductService products, List<TaxRateSummary> taxRates, boolean editable, ProductDetails existing,
                Consumer<ProductDetails> onSaved) {
        this.products = products;
        this.existing = existing;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(existing == null ? "product.new" : "product.edit"));
        setWidth("48rem");

        name.setLabel(getTranslation("product.name"));
        sku.setLabel(getTranslation("product.sku"));
        description.setLabel(getTranslation("product.description"));
        price.setLabel(getTranslation("product.price"));
        currency.setLabel(getTranslation("product.currency"));
        currency.setAllCurrencies();
        billing.setLabel(getTranslation("product.billing"));
        billing.setItems(BillingChoice.values());
        billing.setItemLabelGenerator(choice -> getTranslation(choice.labelKey()));
        customCount.setLabel(getTranslation("product.every"));
        customCount.setMin(1);
        customCount.setStepButtonsVisible(true);
        customUnit.setLabel(getTranslation("product.interval-unit"));
        customUnit.setItems(IntervalUnit.values());
        customUnit.setItemLabelGenerator(unit -> getTranslation("interval." + unit.name().toLowerCase()));
        termPeriods.setLabel(getTranslation("product.term"));
        termPeriods.setHelperText(getTranslation("product.term.stripe-note"));
        termPeriods.setMin(1);
        unitCost.setLabel(getTranslation("product.unit-cost"));
        unitCost.setHelperText(getTranslation("product.unit-cost.help"));
        taxRate.setLabel(getTranslation("product.tax-rate"));
        taxRate.setItems(taxRates);
        taxRate.setItemLabelGenerator(rate -> rate.name() + " (" + rate.percentage().stripTrailingZeros().toPlainString()
                + " %" + (rate.inclusive() ? ", " + getTranslation("tax.inclusive.short") : "") + ")");
        taxRate.setClearButtonVisible(true);
        url.setLabel(getTranslation("product.url"));
        imageUrl.setLabel(getTranslation("product.image-url"));
        billing.addValueChangeListener(e -> showBillingFields());

        bind();
        Values values = existing == null ? new Values() : valuesOf(existing, taxRates);
        binder.readBean(values);
        showBillingFields();

        FormLayout form = new FormLayout();
        form.add(name, sku, price, currency, billing, taxRate, customCount, customUnit, termPeriods, unitCost);
        form.add(description, 2);
        form.add(url, imageUrl);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        inUse.setVisible(false);
        inUse.addClassName("form-notice");
        add(inUse, form);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
        save.setTooltipText(getTranslation("action.save.shortcut"));
        cancel.setText(getTranslation("action.cancel"));
        cancel.addClickListener(e -> close());
        duplicate.setText(getTranslation("product.duplicate"));
        duplicate.addClickListener(e -> duplicate());
        archive.setText(getTranslation(existing != null && existing.archived() ? "product.restore" : "product.archive"));
        archive.addClickListener(e -> toggleArchived());
        delete.setText(getTranslation("action.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.addClickListener(e -> confirmDelete());
        boolean persisted = existing != null;
        duplicate.setVisible(persisted && editable);
        archive.setVisible(persisted && editable);
        delete.setVisible(persisted && editable);
        save.setVisible(editable);
        binder.setReadOnly(!editable);
        Span spacer = new Span();
        getFooter().add(delete, archive, duplicate, spacer, cancel, save);
    }

    private void bind() {
        binder.forField(name).asRequired(getTranslation("product.name.required"))
                .bind(v -> v.name, (v, x) -> v.name = x);
        binder.forField(sku).asRequired(getTranslation("product.sku.required"))
                .bind(v -> v.sku, (v, x) -> v.sku = x);
        binder.forField(description).bind(v -> v.description, (v, x) -> v.description = x);
        binder.forField(price).asRequired(getTranslation("product.price.required"))
                .withValidator(p -> p.signum() >= 0, getTranslation("product.price.negative"))
                .withValidator(p -> currency.getValue() == null
                                || new Money(p, Currency.getInstance(currency.getValue())).hasCurrencyPrecision(),
                        "")
                .withValidationStatusHandler(status -> {
                    // The decimals message names the currency, so it is composed here rather than fixed.
                    price.setInvalid(status.isError());
                    price.setErrorMessage(status.getMessage().filter(m -> !m.isEmpty()).orElseGet(this::decimalsMessage));
                })
                .bind(v -> v.price, (v, x) -> v.price = x);
        binder.forField(currency).asRequired(getTranslation("product.currency.required"))
                .bind(v -> v.currency, (v, x) -> v.currency = x);
        currency.addValueChangeListener(e -> binder.validate());
        binder.forField(billing).bind(v -> v.billing, (v, x) -> v.billing = x);
        binder.forField(customCount)
                .withValidator(c -> billing.getValue() != BillingChoice.CUSTOM || (c != null && c >= 1
                        && customUnit.getValue() != null && c <= customUnit.getValue().maxCount()),
                        getTranslation("product.interval.invalid.short"))
                .bind(v -> v.customCount, (v, x) -> v.customCount = x);
        binder.forField(customUnit).bind(v -> v.customUnit, (v, x) -> v.customUnit = x);
        binder.forField(termPeriods).withValidator(t -> t == null || (t >= 1 && t <= 999),
                        getTranslation("product.term.range", 999))
                .bind(v -> v.termPeriods, (v, x) -> v.termPeriods = x);
        binder.forField(unitCost).withValidator(c -> c == null || c.signum() >= 0, getTranslation("product.cost.negative"))
                .bind(v -> v.unitCost, (v, x) -> v.unitCost = x);
        binder.forField(taxRate).bind(v -> v.taxRate, (v, x) -> v.taxRate = x);
        binder.forField(url).bind(v -> v.url, (v, x) -> v.url = x);
        binder.forField(imageUrl).bind(v -> v.imageUrl, (v, x) -> v.imageUrl = x);
    }

    private String decimalsMessage() {
        if (currency.getValue() == null) {
            return "";
        }
        Currency c = Currency.getInstance(currency.getValue());
        return getTranslation("product.price.decimals", Math.max(c.getDefaultFractionDigits(), 0), c.getCurrencyCode());
    }

    private void showBillingFields() {
        BillingChoice choice = billing.getValue();
        boolean custom = choice == BillingChoice.CUSTOM;
        customCount.setVisible(custom);
        customUnit.setVisible(custom);
        termPeriods.setVisible(choice != null && choice != BillingChoice.ONE_TIME);
    }

    private static Values valuesOf(ProductDetails p, List<TaxRateSummary> taxRates) {
        Values v = new Values();
        v.name = p.name();
        v.sku = p.sku();
        v.description = p.description() == null ? "" : p.description();
        v.price = p.price().amount().stripTrailingZeros().scale() < p.price().currencyDecimals()
                ? p.price().amount().setScale(p.price().currencyDecimals(), java.math.RoundingMode.UNNECESSARY)
                : p.price().amount().stripTrailingZeros();
        v.currency = p.price().currency().getCurrencyCode();
        v.billing = BillingChoice.of(p.frequency());
        if (p.frequency() != null) {
            v.customCount = p.frequency().count();
            v.customUnit = p.frequency().unit();
        }
        v.termPeriods = p.termPeriods();
        v.unitCost = p.unitCost() == null ? null : p.unitCost().stripTrailingZeros();
        v.taxRate = taxRates.stream().filter(r -> p.taxRateId() != null && r.id() == p.taxRateId()).findFirst()
                .orElse(null);
        v.url = p.url() == null ? "" : p.url();
        v.imageUrl = p.imageUrl() == null ? "" : p.imageUrl();
        return v;
    }

    private ProductDraft draftOf(Values v) {
        BillingFrequency frequency = v.billing.frequency(v.customUnit, v.customCount);
        return new ProductDraft(v.name, v.sku, v.description, new Money(v.price, Currency.getInstance(v.currency)),
                frequency, frequency == null ? null : v.termPeriods, v.unitCost, v.taxRate == null ? null : v.taxRate.id(),
                v.url, v.imageUrl);
    }

    void save() {
        Values values = new Values();
        try {
            binder.writeBean(values);
        } catch (ValidationException e) {
            return;
        }
        try {
            ProductDetails saved = existing == null ? products.create(draftOf(values))
                    : products.update(existing.id(), existing.version(), draftOf(values));
            onSaved.accept(saved);
            close();
        } catch (ProductValidationException e) {
            showProblems(e.problems());
        } catch (OptimisticLockingFailureException e) {
            // The user's input stays in the form; they reload the product to see the other change.
            Notification.show(getTranslation("error.changed-by-someone-else"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void showProblems(List<FieldProblem> problems) {
        Map<String, HasValidation> fields = Map.of("name", name, "sku", sku, "price", price, "frequency", customCount,
                "termPeriods", termPeriods, "unitCost", unitCost, "taxRate", taxRate, "url", url,
                "imageUrl", imageUrl, "description", description);
        for (FieldProblem problem : problems) {
            String message = getTranslation(problem.messageKey(), problem.args().toArray());
            HasValidation field = fields.get(problem.field());
            if (field == null) {
                Notification.show(message, 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            } else {
                field.setErrorMessage(message);
                field.setInvalid(true);
            }
        }
    }

    /** Opens a new, unsaved product with this one's values; the SKU must be chosen anew. */
    private void duplicate() {
        Values values = new Values();
        binder.writeBeanAsDraft(values, true);
        close();
        ProductForm copy = new ProductForm(products, taxRate.getListDataView().getItems().toList(), true, null, onSaved);
        values.name = getTranslation("product.copy-of", values.name);
        values.sku = "";
        copy.binder.readBean(values);
        copy.showBillingFields();
        copy.open();
    }

    private void toggleArchived() {
        try {
            ProductDetails saved = existing.archived() ? products.restore(existing.id(), existing.version())
                    : products.archive(existing.id(), existing.version());
            onSaved.accept(saved);
            close();
        } catch (OptimisticLockingFailureException e) {
            Notification.show(getTranslation("error.changed-by-someone-else"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void confirmDelete() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("product.delete.title"),
                getTranslation("product.delete.text", existing.name()), getTranslation("action.delete"),
                e -> deleteNow());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    void deleteNow() {
        try {
            products.delete(existing.id(), existing.version());
            onSaved.accept(null);
            close();
        } catch (ProductInUseException e) {
            inUse.setText(getTranslation(e.reasonKey(), e.uses()) + " " + getTranslation("product.archive-instead"));
            inUse.setVisible(true);
            delete.setEnabled(false);
        }
    }
}
