package com.commercehub.crm;

import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductService;
import com.commercehub.product.TaxRateService;
import com.commercehub.product.TaxRateSummary;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

/**
 * Turns a library product into a line item: name, SKU, price, billing, term and the tax rate's
 * percentage are copied (the line keeps them when the product changes later) and the product is
 * referenced. Deals and quotes add products through this.
 */
@Component
public class LibraryLines {

    private final ProductService products;
    private final TaxRateService taxRates;

    LibraryLines(ProductService products, TaxRateService taxRates) {
        this.products = products;
        this.taxRates = taxRates;
    }

    /** @throws CrmValidationException for an archived product or one priced in another currency */
    public LineItemDraft copy(long productId, BigDecimal quantity, Currency currency) {
        ProductDetails product = products.get(productId);
        if (product.archived()) {
            throw new CrmValidationException(Map.of("product", "crm.line.product-archived"));
        }
        if (!product.price().currency().equals(currency)) {
            throw new CrmValidationException(Map.of("product", "crm.line.currency-mismatch"));
        }
        TaxRateSummary tax = product.taxRateId() == null ? null : taxRates.all().stream()
                .filter(rate -> rate.id() == product.taxRateId()).findFirst().orElse(null);
        return new LineItemDraft(product.id(), product.name(), product.sku(), quantity, product.price().amount(),
                null, null, tax == null ? null : tax.percentage(), tax != null && tax.inclusive(),
                product.frequency(), product.termPeriods());
    }
}
