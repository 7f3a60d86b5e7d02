package com.commercehub.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Account, country specs, customers, products, prices, coupons and tax rates. */
@Component
class CoreResources extends SandboxRoutes {

    private static final Map<String, String> DEFAULT_CURRENCY = Map.ofEntries(
            Map.entry("US", "usd"), Map.entry("GB", "gbp"), Map.entry("DE", "eur"), Map.entry("IT", "eur"),
            Map.entry("FR", "eur"), Map.entry("ES", "eur"), Map.entry("NL", "eur"), Map.entry("AT", "eur"),
            Map.entry("BE", "eur"), Map.entry("FI", "eur"), Map.entry("IE", "eur"), Map.entry("PT", "eur"),
            Map.entry("LU", "eur"), Map.entry("DK", "dkk"), Map.entry("SE", "sek"), Map.entry("NO", "nok"),
            Map.entry("PL", "pln"), Map.entry("CH", "chf"), Map.entry("CZ", "czk"), Map.entry("CA", "cad"),
            Map.entry("AU", "aud"), Map.entry("NZ", "nzd"), Map.entry("JP", "jpy"), Map.entry("SG", "sgd"),
            Map.entry("HK", "hkd"), Map.entry("MX", "mxn"), Map.entry("BR", "brl"), Map.entry("IS", "isk"));
    private static final Pattern SEARCH_CLAUSE = Pattern.compile("(\\w+)\\s*:\\s*'([^']*)'");

    private final SandboxStore store;
    private final SandboxEvents events;
    private final String country;
    private final String businessName;

    CoreResources(SandboxStore store, SandboxEvents events, @Value("${hub.sandbox.country:US}") String country,
                  @Value("${hub.sandbox.business-name:Sandbox Business}") String businessName) {
        this.store = store;
        this.events = events;
        this.country = country.toUpperCase(Locale.ROOT);
        this.businessName = businessName;

        get("/v1/account", call -> account(call.now()));
        get("/v1/country_specs/{country}", this::countrySpec);

        post("/v1/customers", this::createCustomer);
        get("/v1/customers/search", this::searchCustomers);
        get("/v1/customers/{id}", call -> store.get(call.var("id"), "customer", "id", "customer"));
        post("/v1/customers/{id}", this::updateCustomer);
        delete("/v1/customers/{id}", call -> deleteObject(call, "customer"));
        get("/v1/customers", call -> {
            String email = call.params().string("email");
            // Stripe's list filter is case-sensitive; search is not.
            return list(call, "customer", c -> email == null || email.equals(Obj.str(c, "email")));
        });

        post("/v1/products", this::createProduct);
        get("/v1/products/{id}", call -> store.get(call.var("id"), "product", "id", "product"));
        post("/v1/products/{id}", this::updateProduct);
        get("/v1/products", call -> {
            Boolean active = call.params().bool("active");
            return list(call, "product", p -> active == null || active.equals(p.get("active")));
        });

        post("/v1/prices", this::createPrice);
        get("/v1/prices/{id}", call -> store.get(call.var("id"), "price", "id", "price"));
        post("/v1/prices/{id}", this::updatePrice);
        get("/v1/prices", call -> {
            String product = call.params().string("product");
            Boolean active = call.params().bool("active");
            return list(call, "price", p -> (product == null || product.equals(p.get("product")))
                    && (active == null || active.equals(p.get("active"))));
        });

        post("/v1/coupons", this::createCoupon);
        get("/v1/coupons/{id}", call -> store.get(call.var("id"), "coupon", "id", "coupon"));
        delete("/v1/coupons/{id}", call -> deleteObject(call, "coupon"));
        get("/v1/coupons", call -> list(call, "coupon", c -> true));

        post("/v1/tax_rates", this::createTaxRate);
        get("/v1/tax_rates/{id}", call -> store.get(call.var("id"), "tax_rate", "id", "tax_rate"));
        post("/v1/tax_rates/{id}", this::updateTaxRate);
        get("/v1/tax_rates", call -> {
            Boolean active = call.params().bool("active");
            return list(call, "tax_rate", t -> active == null || active.equals(t.get("active")));
        });
    }

    Map<String, Object> list(Call call, String type, Predicate<Map<String, Object>> filter) {
        return store.list(type, filter, call.limit(), call.startingAfter()).toList(call.path());
    }

    /** The sandbox's one account, created ready to transact on first use. */
    Map<String, Object> account(long now) {
        List<Map<String, Object>> existing = store.list("account", a -> true, 1, null).data();
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        Map<String, Object> account = Obj.of("id", "acct_" + SandboxIds.random(16), "object", "account",
                "business_profile", Obj.of("name", businessName, "mcc", null, "product_description", null,
                        "support_email", null, "support_phone", null, "support_url", null, "url", null),
                "business_type", "company",
                "capabilities", Obj.of("card_payments", "active", "transfers", "active"),
                "charges_enabled", true, "payouts_enabled", true, "details_submitted", true,
                "country", country, "created", now,
                "default_currency", DEFAULT_CURRENCY.getOrDefault(country, "usd"),
                "email", "owner@sandbox.invalid", "metadata", Obj.of(),
                "requirements", requirements(), "future_requirements", requirements(),
                "settings", Obj.of("branding", Obj.of("icon", null, "logo", null, "primary_color", "#0f6cbd",
                        "secondary_color", "#ffffff"), "dashboard", Obj.of("display_name", businessName, "timezone", "Etc/UTC")),
                "type", "standard");
        store.insert(account);
        return account;
    }

    private static Map<String, Object> requirements() {
        return Obj.of("alternatives", new ArrayList<>(), "current_deadline", null, "currently_due", new ArrayList<>(),
                "disabled_reason", null, "errors", new ArrayList<>(), "eventually_due", new ArrayList<>(),
                "past_due", new ArrayList<>(), "pending_verification", new ArrayList<>());
    }

    private Map<String, Object> countrySpec(Call call) {
        String code = call.var("country").toUpperCase(Locale.ROOT);
        if (!List.of(Locale.getISOCountries()).contains(code) || !DEFAULT_CURRENCY.containsKey(code)) {
            throw StripeError.notFound("country", "country_spec", call.var("country"));
        }
        return Obj.of("id", code, "object", "country_spec", "default_currency", DEFAULT_CURRENCY.get(code),
                "supported_bank_account_currencies", Obj.of(DEFAULT_CURRENCY.get(code), List.of(code)),
                "supported_payment_currencies", SandboxCurrencies.SUPPORTED,
                "supported_payment_methods", List.of("card"),
                "supported_transfer_countries", List.of(code),
                "verification_fields", Obj.of());
    }

    // --- customers

    private Map<String, Object> createCustomer(Call call) {
        Params p = call.params();
        Map<String, Object> customer = Obj.base(SandboxIds.next("cus_"), "customer", call.now());
        customer.put("address", address(p.child("address")));
        customer.put("balance", 0L);
        customer.put("currency", null);
        customer.put("default_source", null);
        customer.put("delinquent", false);
        customer.put("description", p.string("description"));
        customer.put("email", email(p));
        customer.put("invoice_prefix", SandboxIds.random(8).toUpperCase(Locale.ROOT));
        customer.put("invoice_settings", Obj.of("custom_fields", null, "default_payment_method", null, "footer", null));
        customer.put("metadata", p.metadata(null));
        customer.put("name", p.string("name"));
        customer.put("phone", p.string("phone"));
        customer.put("preferred_locales", p.strings("preferred_locales"));
        customer.put("shipping", null);
        customer.put("tax_exempt", p.oneOf("tax_exempt", "none", "none", "exempt", "reverse"));
        store.insert(customer);
        events.emit(call, "customer.created", customer, null);
        return customer;
    }

    private static String email(Params p) {
        String email = p.string("email");
        if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw StripeError.invalid(p.name("email"), "email_invalid", "Invalid email address: " + email);
        }
        return email == null || email.isEmpty() ? null : email;
    }

    private static Map<String, Object> address(Params a) {
        if (a == null) {
            return null;
        }
        return Obj.of("city", a.string("city"), "country", a.string("country"), "line1", a.string("line1"),
                "line2", a.string("line2"), "postal_code", a.string("postal_code"), "state", a.string("state"));
    }

    private Map<String, Object> updateCustomer(Call call) {
        Map<String, Object> customer = store.getForUpdate(call.var("id"), "customer", "id", "customer");
        Params p = call.params();
        Map<String, Object> previous = Obj.of();
        for (String field : List.of("name", "phone", "description")) {
            if (p.has(field)) {
                previous.put(field, customer.get(field));
                String value = p.string(field);
                customer.put(field, value == null || value.isEmpty() ? null : value);
            }
        }
        if (p.has("email")) {
            previous.put("email", customer.get("email"));
            customer.put("email", email(p));
        }
        if (p.has("address")) {
            previous.put("address", customer.get("address"));
            customer.put("address", address(p.child("address")));
        }
        if (p.has("metadata")) {
            previous.put("metadata", customer.get("metadata"));
            customer.put("metadata", p.metadata(Obj.map(customer, "metadata")));
        }
        store.update(customer);
        events.emit(call, "customer.updated", customer, previous);
        return customer;
    }

    private Map<String, Object> searchCustomers(Call call) {
        String query = call.params().required("query");
        int limit = call.limit();
        call.params().string("page");
        Matcher clauses = SEARCH_CLAUSE.matcher(query);
        List<Predicate<Map<String, Object>>> filters = new ArrayList<>();
        while (clauses.find()) {
            String field = clauses.group(1);
            String value = clauses.group(2);
            if (!List.of("email", "name", "phone").contains(field)) {
                throw StripeError.invalid("query", "parameter_invalid_string", "Field '" + field
                        + "' is not supported for search on customers in the sandbox.");
            }
            filters.add(c -> value.equalsIgnoreCase(Objects.toString(c.get(field), "")));
        }
        if (filters.isEmpty()) {
            throw StripeError.invalid("query", "parameter_invalid_string", "Invalid search query: " + query);
        }
        SandboxStore.Page page = store.list("customer", c -> filters.stream().allMatch(f -> f.test(c)), limit, null);
        return Obj.of("object", "search_result", "data", page.data(), "has_more", page.hasMore(),
                "next_page", null, "url", "/v1/customers/search", "total_count", null);
    }

    private Map<String, Object> deleteObject(Call call, String type) {
        Map<String, Object> object = store.getForUpdate(call.var("id"), type, "id", type);
        store.delete(call.var("id"));
        events.emit(call, type + ".deleted", object, null);
        return Obj.of("id", call.var("id"), "object", type, "deleted", true);
    }

    // --- products and prices

    private Map<String, Object> createProduct(Call call) {
        Params p = call.params();
        String id = p.string("id");
        Map<String, Object> product = Obj.base(id == null || id.isEmpty() ? SandboxIds.next("prod_") : id, "product", call.now());
        if (store.find(Obj.str(product, "id")).isPresent()) {
            throw StripeError.invalid("id", "resource_already_exists", "Product already exists.");
        }
        product.put("active", p.bool("active") == null || p.bool("active"));
        product.put("default_price", null);
        product.put("description", p.string("description"));
        product.put("images", p.strings("images"));
        product.put("marketing_features", new ArrayList<>());
        product.put("metadata", p.metadata(null));
        product.put("name", p.required("name"));
        product.put("package_dimensions", null);
        product.put("shippable", null);
        product.put("statement_descriptor", null);
        product.put("tax_code", p.string("tax_code"));
        product.put("unit_label", p.string("unit_label"));
        product.put("updated", call.now());
        product.put("url", null);
        store.insert(product);
        events.emit(call, "product.created", product, null);
        Params defaultPrice = p.child("default_price_data");
        if (defaultPrice != null) {
            Map<String, Object> price = price(call, defaultPrice, Obj.str(product, "id"));
            product.put("default_price", price.get("id"));
            store.update(product);
        }
        return product;
    }

    private Map<String, Object> updateProduct(Call call) {
        Map<String, Object> product = store.getForUpdate(call.var("id"), "product", "id", "product");
        Params p = call.params();
        Map<String, Object> previous = Obj.of();
        for (String field : List.of("name", "description", "unit_label", "tax_code")) {
            if (p.has(field)) {
                previous.put(field, product.get(field));
                String value = p.string(field);
                if ("name".equals(field) && (value == null || value.isEmpty())) {
                    throw StripeError.invalid("name", "parameter_invalid_empty", "You passed an empty string for 'name'.");
                }
                product.put(field, value == null || value.isEmpty() ? null : value);
            }
        }
        if (p.has("active")) {
            previous.put("active", product.get("active"));
            product.put("active", p.bool("active"));
        }
        if (p.has("default_price")) {
            String price = p.string("default_price");
            store.get(price, "price", "default_price", "price");
            previous.put("default_price", product.get("default_price"));
            product.put("default_price", price);
        }
        if (p.has("metadata")) {
            previous.put("metadata", product.get("metadata"));
            product.put("metadata", p.metadata(Obj.map(product, "metadata")));
        }
        product.put("updated", call.now());
        store.update(product);
        events.emit(call, "product.updated", product, previous);
        return product;
    }

    private Map<String, Object> createPrice(Call call) {
        Params p = call.params();
        String product = p.string("product");
        Params productData = p.child("product_data");
        if ((product == null || product.isEmpty()) == (productData == null)) {
            throw StripeError.invalid("product", "parameter_missing",
                    "You must specify exactly one of product or product_data.");
        }
        if (productData == null) {
            store.get(product, "product", "product", "product");
        }
        return price(call, p, product);
    }

    /** Creates a price from {@code price_data}-style params (also used by Checkout line items). */
    Map<String, Object> price(Call call, Params p, String productId) {
        String currency = SandboxCurrencies.require(p, "currency");
        Long unitAmount = p.longValue("unit_amount");
        BigDecimal unitAmountDecimal = p.decimal("unit_amount_decimal");
        if (unitAmount == null && unitAmountDecimal == null) {
            throw StripeError.missing(p.name("unit_amount"));
        }
        if (unitAmount != null && unitAmountDecimal != null) {
            throw StripeError.invalid(p.name("unit_amount"), "parameter_invalid_integer",
                    "You may only specify one of these parameters: unit_amount, unit_amount_decimal.");
        }
        if (unitAmountDecimal != null) {
            if (unitAmountDecimal.stripTrailingZeros().scale() > 0) {
                throw StripeError.invalid(p.name("unit_amount_decimal"), "parameter_invalid_decimal",
                        "The sandbox accepts only whole minor units in unit_amount_decimal.");
            }
            unitAmount = unitAmountDecimal.longValueExact();
        }
        if (unitAmount < 0) {
            throw StripeError.invalid(p.name("unit_amount"), "parameter_invalid_integer",
                    "This value must be greater than or equal to 0.");
        }
        if (unitAmount > SandboxCurrencies.MAX_AMOUNT) {
            throw StripeError.invalid(p.name("unit_amount"), "parameter_invalid_integer",
                    "This value must be less than or equal to 99999999.");
        }
        Params productData = p.child("product_data");
        if (productData != null) {
            Map<String, Object> product = Obj.base(SandboxIds.next("prod_"), "product", call.now());
            product.put("active", true);
            product.put("default_price", null);
            product.put("description", productData.string("description"));
            product.put("images", productData.strings("images"));
            product.put("metadata", productData.metadata(null));
            product.put("name", productData.required("name"));
            product.put("tax_code", productData.string("tax_code"));
            product.put("unit_label", productData.string("unit_label"));
            product.put("updated", call.now());
            store.insert(product);
            events.emit(call, "product.created", product, null);
            productId = Obj.str(product, "id");
        } else if (productId == null) {
            productId = p.required("product");
            store.get(productId, "product", p.name("product"), "product");
        }
        Params recurring = p.child("recurring");
        Map<String, Object> price = Obj.base(SandboxIds.next("price_"), "price", call.now());
        price.put("active", p.bool("active") == null || p.bool("active"));
        price.put("billing_scheme", "per_unit");
        price.put("currency", currency);
        price.put("custom_unit_amount", null);
        price.put("lookup_key", p.string("lookup_key"));
        price.put("metadata", p.metadata(null));
        price.put("nickname", p.string("nickname"));
        price.put("product", productId);
        price.put("recurring", recurring == null ? null : Obj.of(
                "interval", recurring.oneOf("interval", null, "day", "week", "month", "year"),
                "interval_count", Objects.requireNonNullElse(recurring.longValue("interval_count"), 1L),
                "meter", null, "trial_period_days", null, "usage_type", "licensed"));
        if (recurring != null && Obj.map(price, "recurring").get("interval") == null) {
            throw StripeError.missing(recurring.name("interval"));
        }
        price.put("tax_behavior", p.oneOf("tax_behavior", "unspecified", "inclusive", "exclusive", "unspecified"));
        price.put("tiers_mode", null);
        price.put("transform_quantity", null);
        price.put("type", recurring == null ? "one_time" : "recurring");
        price.put("unit_amount", unitAmount);
        price.put("unit_amount_decimal", unitAmount.toString());
        store.insert(price);
        events.emit(call, "price.created", price, null);
        return price;
    }

    private Map<String, Object> updatePrice(Call call) {
        Map<String, Object> price = store.getForUpdate(call.var("id"), "price", "id", "price");
        Params p = call.params();
        Map<String, Object> previous = Obj.of();
        if (p.has("active")) {
            previous.put("active", price.get("active"));
            price.put("active", p.bool("active"));
        }
        for (String field : List.of("nickname", "lookup_key")) {
            if (p.has(field)) {
                previous.put(field, price.get(field));
                price.put(field, p.string(field));
            }
        }
        if (p.has("metadata")) {
            previous.put("metadata", price.get("metadata"));
            price.put("metadata", p.metadata(Obj.map(price, "metadata")));
        }
        store.update(price);
        events.emit(call, "price.updated", price, previous);
        return price;
    }

    // --- coupons and tax rates

    private Map<String, Object> createCoupon(Call call) {
        Params p = call.params();
        String id = p.string("id");
        if (id != null && !id.isEmpty() && store.find(id).isPresent()) {
            throw StripeError.invalid("id", "resource_already_exists", "Coupon already exists.");
        }
        BigDecimal percentOff = p.decimal("percent_off");
        Long amountOff = p.longValue("amount_off");
        if ((percentOff == null) == (amountOff == null)) {
            throw StripeError.invalid("percent_off", "parameter_missing", "Must provide either percent_off or amount_off.");
        }
        if (percentOff != null && (percentOff.signum() <= 0 || percentOff.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw StripeError.invalid("percent_off", "parameter_invalid_decimal", "percent_off must be greater than 0 and at most 100.");
        }
        String currency = null;
        if (amountOff != null) {
            currency = SandboxCurrencies.require(p, "currency");
            if (amountOff <= 0) {
                throw StripeError.invalid("amount_off", "parameter_invalid_integer", "amount_off must be greater than 0.");
            }
        } else {
            p.string("currency");
        }
        String duration = p.oneOf("duration", "once", "once", "repeating", "forever");
        Long months = p.longValue("duration_in_months");
        if ("repeating".equals(duration) && months == null) {
            throw StripeError.missing("duration_in_months");
        }
        Params appliesTo = p.child("applies_to");
        List<String> products = appliesTo == null ? List.of() : appliesTo.strings("products");
        for (String product : products) {
            store.get(product, "product", "applies_to[products]", "product");
        }
        Map<String, Object> coupon = Obj.base(id == null || id.isEmpty() ? SandboxIds.random(8) : id, "coupon", call.now());
        coupon.put("amount_off", amountOff);
        coupon.put("applies_to", appliesTo == null ? null : Obj.of("products", products));
        coupon.put("currency", currency);
        coupon.put("duration", duration);
        coupon.put("duration_in_months", "repeating".equals(duration) ? months : null);
        coupon.put("max_redemptions", p.longValue("max_redemptions"));
        coupon.put("metadata", p.metadata(null));
        coupon.put("name", p.string("name"));
        coupon.put("percent_off", percentOff);
        coupon.put("redeem_by", p.longValue("redeem_by"));
        coupon.put("times_redeemed", 0L);
        coupon.put("valid", true);
        store.insert(coupon);
        events.emit(call, "coupon.created", coupon, null);
        return coupon;
    }

    private Map<String, Object> createTaxRate(Call call) {
        Params p = call.params();
        BigDecimal percentage = p.decimal("percentage");
        if (percentage == null) {
            throw StripeError.missing("percentage");
        }
        if (percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw StripeError.invalid("percentage", "parameter_invalid_decimal", "percentage must be between 0 and 100.");
        }
        Boolean inclusive = p.bool("inclusive");
        if (inclusive == null) {
            throw StripeError.missing("inclusive");
        }
        Map<String, Object> rate = Obj.base(SandboxIds.next("txr_"), "tax_rate", call.now());
        rate.put("active", p.bool("active") == null || p.bool("active"));
        rate.put("country", p.string("country"));
        rate.put("description", p.string("description"));
        rate.put("display_name", p.required("display_name"));
        rate.put("effective_percentage", percentage);
        rate.put("inclusive", inclusive);
        rate.put("jurisdiction", p.string("jurisdiction"));
        rate.put("jurisdiction_level", null);
        rate.put("metadata", p.metadata(null));
        rate.put("percentage", percentage);
        rate.put("rate_type", "flat_amount".equals(p.string("rate_type")) ? "flat_amount" : "percentage");
        rate.put("state", p.string("state"));
        rate.put("tax_type", p.string("tax_type"));
        store.insert(rate);
        events.emit(call, "tax_rate.created", rate, null);
        return rate;
    }

    private Map<String, Object> updateTaxRate(Call call) {
        Map<String, Object> rate = store.getForUpdate(call.var("id"), "tax_rate", "id", "tax_rate");
        Params p = call.params();
        Map<String, Object> previous = Obj.of();
        if (p.has("active")) {
            previous.put("active", rate.get("active"));
            rate.put("active", p.bool("active"));
        }
        for (String field : List.of("display_name", "description", "jurisdiction", "country", "state", "tax_type")) {
            if (p.has(field)) {
                previous.put(field, rate.get(field));
                rate.put(field, p.string(field));
            }
        }
        if (p.has("metadata")) {
            previous.put("metadata", rate.get("metadata"));
            rate.put("metadata", p.metadata(Obj.map(rate, "metadata")));
        }
        store.update(rate);
        events.emit(call, "tax_rate.updated", rate, previous);
        return rate;
    }
}
