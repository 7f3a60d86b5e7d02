package com.commercehub.product;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/**
 * A small example catalogue an administrator may load on purpose to try the product out. It is
 * never loaded by itself, and only into an empty library.
 */
@Service
public class DemoCatalogue {

    private final ProductService products;
    private final TaxRateService taxRates;
    private final ProductRepository repository;

    DemoCatalogue(ProductService products, TaxRateService taxRates, ProductRepository repository) {
        this.products = products;
        this.taxRates = taxRates;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public boolean canLoad() {
        return repository.count() == 0;
    }

    /** Loads the demo catalogue; refuses when the library already has products. Returns how many were added. */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public int load() {
        if (!canLoad()) {
            throw new ProductValidationException(java.util.List.of(FieldProblem.of("", "demo.library-not-empty")));
        }
        long vat = taxRates.all().stream().filter(rate -> rate.name().equals("Demo VAT 25%")).findFirst()
                .orElseGet(() -> taxRates.create(new TaxRateDraft("Demo VAT 25%", new BigDecimal("25"), false,
                        "DK", null))).id();
        ProductDraft[] demo = {
                draft("Onboarding workshop", "DEMO-ONBOARD", "A half-day remote workshop for your team.", "1200.00",
                        "EUR", null, vat),
                draft("Support plan", "DEMO-SUPPORT-M", "Business-hours support by e-mail and phone.", "99.00", "EUR",
                        BillingFrequency.MONTHLY, vat),
                draft("Support plan (yearly)", "DEMO-SUPPORT-Y", "Twelve months of support, paid once a year.",
                        "990.00", "EUR", BillingFrequency.YEARLY, vat),
                draft("Analytics add-on", "DEMO-ANALYTICS", "Dashboards and exports.", "49.00", "EUR",
                        BillingFrequency.QUARTERLY, vat),
                draft("Hardware kit", "DEMO-KIT", "Card reader and receipt printer.", "349.00", "USD", null, null),
                draft("Consulting day", "DEMO-CONSULT", "On-site consulting, per day.", "9500", "DKK", null, vat),
                draft("Licence seat", "DEMO-SEAT", "One user seat.", "25000", "JPY", BillingFrequency.MONTHLY, null),
                draft("Training voucher", "DEMO-TRAINING", "Valid for one course.", "1500.00", "SEK", null, null)};
        for (ProductDraft draft : demo) {
            products.create(draft);
        }
        return demo.length;
    }

    private static ProductDraft draft(String name, String sku, String description, String price, String currency,
                                      BillingFrequency frequency, Long taxRate) {
        return new ProductDraft(name, sku, description, Money.of(price, currency), frequency, null, null, taxRate,
                null, null);
    }
}
