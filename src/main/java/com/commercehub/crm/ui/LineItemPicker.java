package com.commercehub.crm.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.ui.ActionButton;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductListEntry;
import com.commercehub.product.ProductService;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import org.springframework.data.domain.PageRequest;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Adds line items to a deal or a quote: an active library product in the right currency with a
 * quantity, or a custom item typed in a {@link LineDialog}. The owner applies the addition and shows
 * its problems (next to {@link #product} and {@link #quantity}).
 */
public class LineItemPicker extends HorizontalLayout {

    public final ComboBox<ProductListEntry> product = new ComboBox<>();
    public final BigDecimalField quantity = new BigDecimalField();
    // Action buttons: every open builder tab shows them (see ActionButton).
    public final ActionButton addProduct = new ActionButton();
    public final ActionButton addCustom = new ActionButton();

    private final ProductService products;
    private Currency currency;

    /**
     * @param onProduct adds the product with the quantity; true when it was added
     * @param onCustom  adds a custom line; true when it was added (the dialog then closes)
     */
    public LineItemPicker(ProductService products, BiPredicate<Long, BigDecimal> onProduct,
                          Function<LineItemDraft, Boolean> onCustom) {
        this.products = products;
        product.setLabel(getTranslation("crm.line.product"));
        product.setPlaceholder(getTranslation("products.search"));
        product.setItemLabelGenerator(p -> p.name() + " · " + p.sku() + " · " + Formats.money(p.price(), getLocale()));
        product.setWidth("28rem");
        product.setMaxWidth("100%");
        // Enter on a partial name picks the first match, or says that nothing matched: typed input is never dropped.
        product.setAllowCustomValue(true);
        product.addCustomValueSetListener(e -> pickFirstMatch(e.getDetail()));
        quantity.setLabel(getTranslation("crm.line.quantity"));
        quantity.setValue(BigDecimal.ONE);
        quantity.setWidth("8rem");
        addProduct.setText(getTranslation("crm.line.add"));
        addProduct.withThemeVariants(ButtonVariant.LUMO_PRIMARY).onPress(() -> {
            if (product.getValue() == null) {
                product.setErrorMessage(getTranslation("crm.line.pick-product"));
                product.setInvalid(true);
                return;
            }
            if (onProduct.test(product.getValue().id(), quantity.getValue() == null ? BigDecimal.ZERO : quantity.getValue())) {
                product.clear();
                product.setInvalid(false);
                quantity.setValue(BigDecimal.ONE);
            }
        });
        addCustom.setText(getTranslation("crm.line.custom"));
        addCustom.addClassName("line-custom");
        addProduct.addClassName("line-add");
        addCustom.onPress(() -> new LineDialog(null, onCustom).open());
        add(product, quantity, addProduct, addCustom);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        // In a narrow column or on a phone the buttons go to the next row instead of under a neighbour.
        setWrap(true);
        addClassName("line-picker");
    }

    /** Offers the active products priced in {@code currency}. */
    public void offer(Currency currency) {
        this.currency = currency;
        product.setItems(query -> matches(query.getFilter().orElse(""), query.getPage(), query.getPageSize()).stream());
    }

    /** What Enter on typed text does: the first active match in the currency, or a message that none matched. */
    public void pickFirstMatch(String typed) {
        var first = currency == null ? java.util.List.<ProductListEntry>of() : matches(typed.strip(), 0, 1);
        if (first.isEmpty()) {
            product.setErrorMessage(getTranslation("builder.combo.no-match", typed.strip()));
            product.setInvalid(true);
        } else {
            product.setValue(first.getFirst());
            product.setInvalid(false);
        }
    }

    private java.util.List<ProductListEntry> matches(String text, int page, int size) {
        return products.page(new ProductFilter(text, null, currency.getCurrencyCode(), ProductFilter.Status.ACTIVE),
                PageRequest.of(page, size));
    }
}
