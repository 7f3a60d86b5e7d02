package com.commercehub.link.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.crm.DealStage;
import com.commercehub.link.PaymentLinkDraft;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.link.PaymentLinkValidationException;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductListEntry;
import com.commercehub.product.ProductService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
 * The create form of a payment link: products with quantities (adjustable within min/max), the options
 * Checkout offers, and what happens after payment. The service validates; its messages go next to the fields.
 */
class PaymentLinkForm extends Dialog {

    /** An item being added: the product as listed, and the quantities typed. */
    record ChosenItem(ProductListEntry product, int quantity, Integer min, Integer max) {
    }

    final TextField name = new TextField();
    final ComboBox<ProductListEntry> product = new ComboBox<>();
    final IntegerField quantity = new IntegerField();
    final IntegerField minQuantity = new IntegerField();
    final IntegerField maxQuantity = new IntegerField();
    final Button addItem = new Button();
    final Grid<ChosenItem> items = new Grid<>();
    final Span itemsError = new Span();
    final Checkbox promotionCodes = new Checkbox();
    final BigDecimalField discountPercent = new BigDecimalField();
    final Checkbox billingRequired = new Checkbox();
    final TextField shippingCountries = new TextField();
    final Checkbox phone = new Checkbox();
    final DatePicker expiresOn = new DatePicker();
    final Checkbox oneTime = new Checkbox();
    final RadioButtonGroup<PaymentLinkDraft.AfterPayment> afterPayment = new RadioButtonGroup<>();
    final TextArea thankYouMessage = new TextArea();
    final TextField redirectUrl = new TextField();
    final Checkbox createDeal = new Checkbox();
    final Select<DealStage> dealStage = new Select<>();
    final Select<Locale> language = new Select<>();
    final Button save = new Button();
    private final List<ChosenItem> chosen = new ArrayList<>();
    private final PaymentLinkService links;
    private final BiConsumer<Long, String> created;

    PaymentLinkForm(PaymentLinkService links, ProductService products, BiConsumer<Long, String> created) {
        this.links = links;
        this.created = created;
        setHeaderTitle(getTranslation("link.ui.create"));
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
        addItem.setText(getTranslation("link.ui.add-item"));
        addItem.addClickListener(e -> addItem());
        items.addColumn(item -> item.product().name()).setHeader(getTranslation("link.ui.product")).setFlexGrow(2);
        items.addColumn(ChosenItem::quantity).setHeader(getTranslation("link.ui.quantity"));
        items.addColumn(item -> item.min() == null && item.max() == null ? ""
                : (item.min() == null ? "" : item.min()) + "–" + (item.max() == null ? "" : item.max()))
                .setHeader(getTranslation("link.ui.adjustable"));
        items.addComponentColumn(item -> new Button(getTranslation("link.ui.remove"), e -> {
            chosen.remove(item);
            items.setItems(chosen);
        }));
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
        HorizontalLayout itemRow = new HorizontalLayout(product, quantity, minQuantity, maxQuantity, addItem);
        itemRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new Paragraph(getTranslation("link.ui.items-help")), itemRow, items, itemsError, form);
        setWidth("56rem");
        save.setText(getTranslation("link.ui.save"));
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
        chosen.add(new ChosenItem(product.getValue(), quantity.getValue() == null ? 1 : quantity.getValue(),
                minQuantity.getValue(), maxQuantity.getValue()));
        items.setItems(chosen);
        product.clear();
        quantity.setValue(1);
        minQuantity.clear();
        maxQuantity.clear();
    }

    private void save() {
        PaymentLinkDraft draft = new PaymentLinkDraft(name.getValue(),
                chosen.stream().map(item -> new PaymentLinkDraft.Item(item.product().id(), item.quantity(), item.min(),
                        item.max())).toList(),
                promotionCodes.getValue(), discountPercent.getValue(), billingRequired.getValue(),
                shippingCountries.getValue(), phone.getValue(), expiresOn.getValue(), oneTime.getValue(),
                afterPayment.getValue(), thankYouMessage.getValue(), redirectUrl.getValue(),
                createDeal.getValue() ? dealStage.getValue() : null, language.getValue());
        clearErrors();
        try {
            long id = links.create(draft);
            close();
            created.accept(id, draft.name().strip());
        } catch (PaymentLinkValidationException invalid) {
            show(invalid.problems());
        }
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
