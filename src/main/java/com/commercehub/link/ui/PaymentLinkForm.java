package com.commercehub.link.ui;

import com.commercehub.base.ui.DateField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.crm.DealStage;
import com.commercehub.link.PaymentLinkDetails;
import com.commercehub.link.PaymentLinkDraft;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.link.PaymentLinkValidationException;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductListEntry;
import com.commercehub.product.ProductService;
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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The create and edit form of a payment link: products with quantities (adjustable within min/max) and tax
 * rates, the options Checkout offers, and what happens after payment. The service validates; its messages go
 * next to the fields.
 */
class PaymentLinkForm extends Dialog {

    /**
     * An item on the form: one of the edited link's own items ({@code keptLine} its position; it keeps its
     * copied price) or a product just added. Quantities and tax are edited in the grid's row.
     */
    static final class ChosenItem {
        final long productId;
        final String name;
        final Integer keptLine;
        int quantity;
        Integer min;
        Integer max;
        Long taxRateId;
        String taxName;

        ChosenItem(long productId, String name, Integer keptLine, int quantity, Integer min, Integer max,
                   Long taxRateId, String taxName) {
            this.productId = productId;
            this.name = name;
            this.keptLine = keptLine;
            this.quantity = quantity;
            this.min = min;
            this.max = max;
            this.taxRateId = taxRateId;
            this.taxName = taxName;
        }
    }

    final TextField name = new TextField();
    final ComboBox<ProductListEntry> product = new ComboBox<>();
    final IntegerField quantity = new IntegerField();
    final IntegerField minQuantity = new IntegerField();
    final IntegerField maxQuantity = new IntegerField();
    final ComboBox<TaxRateSummary> taxRate = new ComboBox<>();
    final Button addItem = new Button();
    final Grid<ChosenItem> items = new Grid<>();
    final Span itemsError = new Span();
    final Checkbox promotionCodes = new Checkbox();
    final BigDecimalField discountPercent = new BigDecimalField();
    final Checkbox billingRequired = new Checkbox();
    final TextField shippingCountries = new TextField();
    final Checkbox phone = new Checkbox();
    final DateField expiresOn = new DateField();
    final Checkbox oneTime = new Checkbox();
    final RadioButtonGroup<PaymentLinkDraft.AfterPayment> afterPayment = new RadioButtonGroup<>();
    final TextArea thankYouMessage = new TextArea();
    final TextField redirectUrl = new TextField();
    final Checkbox createDeal = new Checkbox();
    final Select<DealStage> dealStage = new Select<>();
    final Select<Locale> language = new Select<>();
    final Button save = new Button();
    final Paragraph editNote = new Paragraph();
    private final List<ChosenItem> chosen = new ArrayList<>();
    private final List<TaxRateSummary> rates;
    private final PaymentLinkService links;
    private final PaymentLinkDetails editing;
    private final BiConsumer<Long, String> saved;

    /**
     * @param editing the link to edit, or null to make a new one
     * @param saved   called with the link's id and name after it was saved
     */
    PaymentLinkForm(PaymentLinkService links, ProductService products, TaxRateService taxRates,
                    PaymentLinkDetails editing, BiConsumer<Long, String> saved) {
        this.links = links;
        this.editing = editing;
        this.saved = saved;
        setHeaderTitle(getTranslation(editing == null ? "link.ui.create" : "link.ui.edit-title"));
        name.setLabel(getTranslation("link.ui.name"));
        name.setRequiredIndicatorVisible(true);
        product.setLabel(getTranslation("link.ui.product"));
        product.setItemLabelGenerator(p -> p.name() + " · " + Formats.money(p.price(), getLocale()));
        product.setItems(query -> products.page(new ProductFilter(query.getFilter().orElse(""), null, null,
                ProductFilter.Status.ACTIVE), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        quantity.setLabel(getTranslation("link.ui.quantity"));
        quantity.setValue(1);
        quantity.setMin(1);
        minQuantity.setLabel(getTranslation("link.ui.min"));
        maxQuantity.setLabel(getTranslation("link.ui.max"));
        minQuantity.setHelperText(getTranslation("link.ui.adjustable-help"));
        // The tax rates quotes use; a product's own default rate is chosen with it.
        rates = taxRates.active();
        taxRate.setLabel(getTranslation("link.ui.tax"));
        taxChoice(taxRate, null);
        product.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                taxRate.setValue(rates.stream().filter(rate -> rate.name().equals(e.getValue().taxRateName()))
                        .findFirst().orElse(null));
            }
        });
        addItem.setText(getTranslation("link.ui.add-item"));
        addItem.addClickListener(e -> addItem());
        items.addColumn(item -> item.name).setHeader(getTranslation("link.ui.product")).setFlexGrow(2);
        items.addComponentColumn(item -> rowField(item.quantity, value -> item.quantity = value == null ? 0 : value))
                .setHeader(getTranslation("link.ui.quantity")).setKey("quantity");
        items.addComponentColumn(item -> rowField(item.min, value -> item.min = value))
                .setHeader(getTranslation("link.ui.min")).setKey("min");
        items.addComponentColumn(item -> rowField(item.max, value -> item.max = value))
                .setHeader(getTranslation("link.ui.max")).setKey("max");
        items.addComponentColumn(this::rowTax).setHeader(getTranslation("link.ui.tax")).setKey("tax").setFlexGrow(2);
        items.addComponentColumn(item -> new Button(getTranslation("link.ui.remove"), e -> {
            chosen.remove(item);
            items.setItems(chosen);
        })).setKey("remove");
        items.setAllRowsVisible(true);
        itemsError.addClassName("error");
        itemsError.getStyle().set("color", "var(--lumo-error-text-color)");
        promotionCodes.setLabel(getTranslation("link.ui.promotion-codes"));
        discountPercent.setLabel(getTranslation("link.ui.discount"));
        discountPercent.setHelperText(getTranslation("link.ui.discount-help"));
        billingRequired.setLabel(getTranslation("link.ui.billing-required"));
        shippingCountries.setLabel(getTranslation("link.ui.shipping"));
        shippingCountries.setHelperText(getTranslation("link.ui.shipping-help"));
        phone.setLabel(getTranslation("link.ui.phone"));
        expiresOn.setLabel(getTranslation("link.ui.expires"));
        oneTime.setLabel(getTranslation("link.ui.one-time-use"));
        oneTime.setHelperText(getTranslation("link.ui.one-time-help"));
        afterPayment.setLabel(getTranslation("link.ui.after-payment"));
        afterPayment.setItems(PaymentLinkDraft.AfterPayment.values());
        afterPayment.setItemLabelGenerator(option -> getTranslation("link.ui.after." + option.name().toLowerCase(Locale.ROOT)));
        afterPayment.setValue(PaymentLinkDraft.AfterPayment.MESSAGE);
        thankYouMessage.setLabel(getTranslation("link.ui.message"));
        redirectUrl.setLabel(getTranslation("link.ui.redirect"));
        redirectUrl.setPlaceholder("https://");
        redirectUrl.setVisible(false);
        afterPayment.addValueChangeListener(e -> {
            boolean redirect = e.getValue() == PaymentLinkDraft.AfterPayment.REDIRECT;
            redirectUrl.setVisible(redirect);
            thankYouMessage.setVisible(!redirect);
        });
        createDeal.setLabel(getTranslation("link.ui.create-deal"));
        dealStage.setLabel(getTranslation("link.ui.deal-stage"));
        dealStage.setItems(DealStage.values());
        dealStage.setItemLabelGenerator(stage -> getTranslation("crm.stage." + stage.name().toLowerCase(Locale.ROOT)));
        dealStage.setValue(DealStage.CLOSED_WON);
        dealStage.setEnabled(false);
        createDeal.addValueChangeListener(e -> dealStage.setEnabled(e.getValue()));
        language.setLabel(getTranslation("link.ui.language"));
        language.setEmptySelectionAllowed(true);
        language.setEmptySelectionCaption(getTranslation("link.ui.language-browser"));
        language.setItems(Messages.SUPPORTED);
        language.setItemLabelGenerator(locale -> locale == null ? getTranslation("link.ui.language-browser")
                : Messages.languageName(locale));
        FormLayout form = new FormLayout(name, language, promotionCodes, discountPercent, billingRequired,
                shippingCountries, phone, expiresOn, oneTime, afterPayment, thankYouMessage, redirectUrl, createDeal,
                dealStage);
        HorizontalLayout itemRow = new HorizontalLayout(product, quantity, minQuantity, maxQuantity, taxRate, addItem);
        itemRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        // Six controls do not fit the dialog's width (nor a phone's): they wrap instead of running off its edge.
        itemRow.setWrap(true);
        editNote.setVisible(false);
        add(editNote, new Paragraph(getTranslation("link.ui.items-help")), itemRow, items, itemsError, form);
        if (editing != null) {
            fill(editing);
        }
        setWidth("56rem");
        setMaxWidth("100%");
        // Editing saves what exists; "Create" would promise a second link.
        save.setText(getTranslation(editing == null ? "link.ui.save" : "action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        getFooter().add(new Button(getTranslation("link.ui.cancel"), e -> close()), save);
    }

    private void addItem() {
        if (product.getValue() == null) {
            product.setInvalid(true);
            product.setErrorMessage(getTranslation("link.items.required"));
            return;
        }
        product.setInvalid(false);
        ProductListEntry added = product.getValue();
        chosen.add(new ChosenItem(added.id(), added.name() + " · " + Formats.money(added.price(), getLocale()), null,
                quantity.getValue() == null ? 1 : quantity.getValue(),
                minQuantity.getValue(), maxQuantity.getValue(), taxRate.getValue() == null ? null : taxRate.getValue().id(),
                taxRate.getValue() == null ? null : taxRate.getValue().name()));
        items.setItems(chosen);
        product.clear();
        taxRate.clear();
        quantity.setValue(1);
        minQuantity.clear();
        maxQuantity.clear();
    }

    private void save() {
        if (DateField.unreadable(expiresOn)) {
            return;
        }
        PaymentLinkDraft draft = new PaymentLinkDraft(name.getValue(),
                chosen.stream().map(item -> new PaymentLinkDraft.Item(item.productId, item.quantity, item.min,
                        item.max, item.taxRateId, item.keptLine)).toList(),
                promotionCodes.getValue(), discountPercent.getValue(), billingRequired.getValue(),
                shippingCountries.getValue(), phone.getValue(), expiresOn.getValue(), oneTime.getValue(),
                afterPayment.getValue(), thankYouMessage.getValue(), redirectUrl.getValue(),
                createDeal.getValue() ? dealStage.getValue() : null, language.getValue());
        clearErrors();
        try {
            long id;
            if (editing == null) {
                id = links.create(draft);
            } else {
                links.update(editing.id(), editing.version(), draft);
                id = editing.id();
            }
            close();
            saved.accept(id, draft.name().strip());
        } catch (PaymentLinkValidationException invalid) {
            show(invalid.problems());
        }
    }

    /** The edited link's values in the fields; its items as kept rows. */
    private void fill(PaymentLinkDetails link) {
        if (link.payments() > 0) {
            editNote.setText(getTranslation("link.ui.edit-paid-note", link.payments()));
            editNote.setVisible(true);
        }
        name.setValue(link.name());
        for (int line = 0; line < link.items().size(); line++) {
            PaymentLinkDetails.Item item = link.items().get(line);
            chosen.add(new ChosenItem(item.productId(), item.name() + " · " + Formats.money(item.unitPrice(), getLocale()),
                    line, item.quantity(), item.minQuantity(), item.maxQuantity(), item.taxRateId(), item.taxName()));
        }
        items.setItems(chosen);
        promotionCodes.setValue(link.allowPromotionCodes());
        discountPercent.setValue(link.discountPercent());
        billingRequired.setValue(link.billingAddressRequired());
        shippingCountries.setValue(link.shippingCountries());
        phone.setValue(link.phoneNumber());
        expiresOn.setValue(link.expiresOn());
        oneTime.setValue(link.oneTime());
        afterPayment.setValue(link.afterPayment());
        thankYouMessage.setValue(link.thankYouMessage() == null ? "" : link.thankYouMessage());
        redirectUrl.setValue(link.redirectUrl() == null ? "" : link.redirectUrl());
        createDeal.setValue(link.dealStage() != null);
        if (link.dealStage() != null) {
            dealStage.setValue(link.dealStage());
        }
        language.setValue(link.language());
    }

    private IntegerField rowField(Integer value, java.util.function.Consumer<Integer> changed) {
        IntegerField field = new IntegerField();
        field.setValue(value);
        field.setWidth("6rem");
        field.addValueChangeListener(e -> changed.accept(e.getValue()));
        return field;
    }

    /** The row's tax rate; one archived since it was chosen stays as it was (by its name) until changed. */
    private ComboBox<TaxRateSummary> rowTax(ChosenItem item) {
        ComboBox<TaxRateSummary> field = new ComboBox<>();
        taxChoice(field, item.taxRateId != null && rates.stream().noneMatch(rate -> rate.id() == item.taxRateId)
                ? item.taxName : null);
        field.setValue(rates.stream().filter(rate -> item.taxRateId != null && rate.id() == item.taxRateId)
                .findFirst().orElse(null));
        field.addValueChangeListener(e -> {
            item.taxRateId = e.getValue() == null ? null : e.getValue().id();
            item.taxName = e.getValue() == null ? null : e.getValue().name();
        });
        return field;
    }

    private void taxChoice(ComboBox<TaxRateSummary> field, String keptName) {
        field.setPlaceholder(keptName != null ? keptName : getTranslation("link.ui.no-tax"));
        field.setClearButtonVisible(true);
        field.setItems(rates);
        field.setItemLabelGenerator(rate -> rate.name() + " · " + Formats.number(rate.percentage(), getLocale()) + " %"
                + (rate.inclusive() ? " " + getTranslation("link.ui.tax-inclusive") : ""));
    }

    private void clearErrors() {
        itemsError.setText("");
        for (HasValidation field : fields().values()) {
            field.setInvalid(false);
        }
    }

    private void show(Map<String, String> problems) {
        Map<String, HasValidation> fields = fields();
        problems.forEach((field, key) -> {
            if ("items".equals(field)) {
                itemsError.setText(getTranslation(key));
            } else if (fields.containsKey(field)) {
                fields.get(field).setErrorMessage(getTranslation(key));
                fields.get(field).setInvalid(true);
            }
        });
    }

    private Map<String, HasValidation> fields() {
        return Map.of("name", name, "discountPercent", discountPercent, "shippingCountries", shippingCountries,
                "expiresOn", expiresOn, "thankYouMessage", thankYouMessage, "redirectUrl", redirectUrl);
    }
}
