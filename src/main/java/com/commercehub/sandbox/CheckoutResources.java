package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checkout Sessions with the business rules the app relies on (modes, line-item limits, one discount
 * and not with promotion codes, one billing interval, minimum and maximum amounts, expiry window), and
 * the completion that the hosted page triggers.
 */
@Component
class CheckoutResources extends SandboxRoutes {

    static final long MIN_EXPIRY = 30 * 60L;
    static final long MAX_EXPIRY = 24 * 3600L;
    /** Why a promotion code in {@code discounts} is refused (the sandbox's wording; Stripe's exact texts unconfirmed). */
    private static final Map<String, String> PROMOTION_REFUSALS = Map.of(
            "invalid", "This promotion code is not active.",
            "expired", "This promotion code has expired.",
            "used_up", "This promotion code has reached its maximum number of redemptions.",
            "minimum", "This promotion code requires a higher order amount.");
    /** The values Checkout takes for {@code locale}. */
    static final String[] LOCALES = {"auto", "bg", "cs", "da", "de", "el", "en", "en-GB", "es", "es-419", "et", "fi",
            "fil", "fr", "fr-CA", "hr", "hu", "id", "it", "ja", "ko", "lt", "lv", "ms", "mt", "nb", "nl", "pl", "pt",
            "pt-BR", "ro", "ru", "sk", "sl", "sv", "th", "tr", "vi", "zh", "zh-HK", "zh-TW"};

    private final SandboxStore store;
    private final SandboxEvents events;
    private final CoreResources core;
    private final PaymentResources payments;
    private final SubscriptionResources subscriptions;
    private final InvoiceResources invoices;
    private final PromotionCodeResources promotionCodes;

    CheckoutResources(SandboxStore store, SandboxEvents events, CoreResources core, PaymentResources payments,
                      SubscriptionResources subscriptions, InvoiceResources invoices,
                      PromotionCodeResources promotionCodes) {
        this.promotionCodes = promotionCodes;
        this.store = store;
        this.events = events;
        this.core = core;
        this.payments = payments;
        this.subscriptions = subscriptions;
        this.invoices = invoices;

        post("/v1/checkout/sessions", this::create);
        get("/v1/checkout/sessions/{id}/line_items", call -> {
            Map<String, Object> session = session(call, call.var("id"), false);
            return Obj.map(session, "_line_items");
        });
        get("/v1/checkout/sessions/{id}", call -> session(call, call.var("id"), false));
        post("/v1/checkout/sessions/{id}/expire", this::expireCall);
        get("/v1/setup_intents/{id}", call -> store.get(call.var("id"), "setup_intent", "intent", "setup_intent"));
        get("/v1/checkout/sessions", call -> {
            String intent = call.params().string("payment_intent");
            String customer = call.params().string("customer");
            String status = call.params().string("status");
            return store.list("checkout.session", s -> (intent == null || intent.equals(s.get("payment_intent")))
                            && (customer == null || customer.equals(s.get("customer")))
                            && (status == null || status.equals(s.get("status"))),
                    call.limit(), call.startingAfter()).toList(call.path());
        });
    }

    /** Loads a session, expiring it first when its time has passed (the sandbox expires lazily). */
    Map<String, Object> session(Call call, String id, boolean forUpdate) {
        Map<String, Object> session = forUpdate
                ? store.getForUpdate(id, "checkout.session", "session", "checkout.session")
                : store.get(id, "checkout.session", "session", "checkout.session");
        if ("open".equals(session.get("status")) && Obj.longOf(session, "expires_at") <= call.now()) {
            session = store.getForUpdate(id, "checkout.session", "session", "checkout.session");
            expire(call, session);
        }
        return session;
    }

    private Map<String, Object> expireCall(Call call) {
        Map<String, Object> session = session(call, call.var("id"), true);
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid(null, "checkout_session_not_open", "Only Checkout Sessions with a status in "
                    + "[\"open\"] can be expired. This Checkout Session has a status of \"" + session.get("status") + "\".");
        }
        expire(call, session);
        return session;
    }

    private void expire(Call call, Map<String, Object> session) {
        session.put("status", "expired");
        session.put("url", null);
        store.update(session);
        events.emit(call, "checkout.session.expired", session, Obj.of("status", "open"));
    }

    /** Creates a session from already decoded params (also used by payment links). */
    Map<String, Object> createSession(Call call) {
        return create(call);
    }

    private Map<String, Object> create(Call call) {
        Params p = call.params();
        String mode = p.string("mode");
        if (mode == null || mode.isEmpty()) {
            throw StripeError.missing("mode");
        }
        if ("setup".equals(mode)) {
            return createSetup(call, p);
        }
        if (!List.of("payment", "subscription").contains(mode)) {
            throw StripeError.invalid("mode", "parameter_invalid_string", "Invalid mode: the sandbox supports "
                    + "payment, subscription and setup.");
        }
        Boolean allowPromotionCodes = p.bool("allow_promotion_codes");
        List<Params> discounts = p.list("discounts");
        if (discounts.size() > 1) {
            throw StripeError.invalid("discounts", "parameter_invalid_array", "You may only specify one discount.");
        }
        if (!discounts.isEmpty() && Boolean.TRUE.equals(allowPromotionCodes)) {
            throw StripeError.invalid("discounts", "parameter_invalid_array",
                    "You may only specify one of these parameters: allow_promotion_codes, discounts.");
        }
        String customer = p.string("customer");
        String customerEmail = p.string("customer_email");
        if (customer != null && customerEmail != null) {
            throw StripeError.invalid("customer_email", "parameter_invalid_string",
                    "You may only specify one of these parameters: customer, customer_email.");
        }
        if (customer != null) {
            store.get(customer, "customer", "customer", "customer");
        }
        long expiresAt = Objects.requireNonNullElse(p.longValue("expires_at"), call.now() + MAX_EXPIRY);
        if (expiresAt < call.now() + MIN_EXPIRY || expiresAt > call.now() + MAX_EXPIRY) {
            throw StripeError.invalid("expires_at", "parameter_invalid_integer", "The `expires_at` timestamp must be "
                    + "at least 30 minutes and at most 24 hours from Checkout Session creation.");
        }
        Params subscriptionData = p.child("subscription_data");
        if (subscriptionData != null && "payment".equals(mode)) {
            throw StripeError.invalid("subscription_data", "parameter_invalid_object",
                    "You can not pass `subscription_data` in `payment` mode.");
        }
        List<Object> defaultTaxRates = new ArrayList<>();
        Long trialDays = null;
        Map<String, Object> subscriptionMetadata = Obj.of();
        String subscriptionDescription = null;
        if (subscriptionData != null) {
            for (String rate : subscriptionData.strings("default_tax_rates")) {
                defaultTaxRates.add(store.get(rate, "tax_rate", "subscription_data[default_tax_rates]", "tax rate"));
            }
            trialDays = subscriptionData.longValue("trial_period_days");
            subscriptionMetadata = subscriptionData.metadata(null);
            subscriptionDescription = subscriptionData.string("description");
        }
        List<Map<String, Object>> lines = lineItems(call, p, mode, defaultTaxRates);
        String currency = Obj.str(lines.getFirst(), "currency");
        Map<String, Object> coupon = null;
        String promotionCodeId = null;
        if (!discounts.isEmpty()) {
            Params discount = discounts.getFirst();
            String couponId = discount.string("coupon");
            promotionCodeId = discount.string("promotion_code");
            if (couponId != null && promotionCodeId != null) {
                throw StripeError.invalid("discounts[0]", "parameter_invalid_object",
                        "You may only specify one of these parameters: coupon, promotion_code.");
            }
            if (promotionCodeId != null) {
                Map<String, Object> promotionCode = store.get(promotionCodeId, "promotion_code",
                        "discounts[0][promotion_code]", "promotion code");
                couponId = PromotionCodeResources.couponOf(promotionCode);
            }
            if (couponId == null) {
                throw StripeError.invalid("discounts[0][coupon]", "parameter_missing",
                        "Each discount needs a coupon or a promotion code.");
            }
            coupon = store.get(couponId, "coupon", "discounts[0][coupon]", "coupon");
            if (coupon.get("amount_off") != null && !currency.equals(coupon.get("currency"))) {
                throw StripeError.invalid("discounts[0][coupon]", "parameter_invalid_string",
                        "The coupon's currency must match the Checkout Session's currency.");
            }
        }
        LinePricing.Totals totals = LinePricing.price(lines, coupon);
        if (promotionCodeId != null) {
            // The checks of a code typed on the hosted page, made when the session is created with it.
            String refusal = promotionCodes.recheck(call.now(), promotionCodeId,
                    Obj.of("currency", currency, "amount_subtotal", totals.subtotal())).refusal();
            if (refusal != null) {
                throw StripeError.invalid("discounts[0][promotion_code]", "promotion_code_invalid",
                        PROMOTION_REFUSALS.getOrDefault(refusal, "This promotion code is not active."));
            }
        }
        long minimum = Objects.requireNonNullElse(SandboxCurrencies.minimum(currency), 0L);
        if (("payment".equals(mode) && totals.total() < Math.max(1, minimum))
                || ("subscription".equals(mode) && totals.total() > 0 && totals.total() < minimum)) {
            throw StripeError.invalid(null, "amount_too_small", "The Checkout Session's total amount due must add up "
                    + "to at least " + SandboxCurrencies.display(Math.max(1, minimum), currency));
        }
        if (totals.total() > SandboxCurrencies.MAX_AMOUNT) {
            throw StripeError.invalid(null, "amount_too_large", "The Checkout Session's total amount due must be "
                    + "no more than " + SandboxCurrencies.display(SandboxCurrencies.MAX_AMOUNT, currency));
        }

        String id = "cs_test_" + SandboxIds.random(58);
        Map<String, Object> session = Obj.base(id, "checkout.session", call.now());
        session.put("after_expiration", null);
        session.put("allow_promotion_codes", allowPromotionCodes);
        session.put("amount_subtotal", totals.subtotal());
        session.put("amount_total", totals.total());
        Params automaticTax = p.child("automatic_tax");
        session.put("automatic_tax", Obj.of("enabled", automaticTax != null && Boolean.TRUE.equals(automaticTax.bool("enabled")),
                "liability", null, "status", null));
        session.put("billing_address_collection", p.oneOf("billing_address_collection", null, "auto", "required"));
        session.put("branding_settings", branding(p.child("branding_settings")));
        session.put("cancel_url", redirectUrl(p, "cancel_url"));
        session.put("client_reference_id", p.string("client_reference_id"));
        session.put("consent_collection", p.child("consent_collection") == null ? null : p.raw().get("consent_collection"));
        session.put("currency", currency);
        session.put("custom_text", customText(p.child("custom_text")));
        session.put("customer", customer);
        session.put("customer_creation", p.oneOf("customer_creation", "payment".equals(mode) ? "if_required" : null,
                "always", "if_required"));
        session.put("customer_details", null);
        session.put("customer_email", customerEmail);
        session.put("discounts", coupon == null ? new ArrayList<>()
                : List.of(Obj.of("coupon", coupon.get("id"), "promotion_code", promotionCodeId)));
        session.put("expires_at", expiresAt);
        session.put("invoice", null);
        session.put("locale", p.oneOf("locale", null, LOCALES));
        session.put("metadata", p.metadata(null));
        session.put("mode", mode);
        session.put("payment_intent", null);
        session.put("payment_link", null);
        List<String> methodTypes = p.strings("payment_method_types").isEmpty() ? List.of("card")
                : p.strings("payment_method_types");
        for (String type : methodTypes) {
            if (!type.equals("card") && !type.equals("sepa_debit")) {
                throw StripeError.invalid("payment_method_types", "payment_method_unactivated",
                        "The sandbox supports the payment method types card and sepa_debit, not " + type + ".");
            }
        }
        if (methodTypes.contains("sepa_debit") && !"eur".equals(currency)) {
            throw StripeError.invalid("payment_method_types", "payment_method_currency_mismatch",
                    "The payment method `sepa_debit` cannot be used with currency " + currency + "; it supports eur.");
        }
        if (methodTypes.contains("sepa_debit") && !"payment".equals(mode)) {
            // A sandbox simplification: Stripe also takes SEPA Direct Debit for subscriptions.
            throw StripeError.invalid("payment_method_types", "payment_method_unactivated",
                    "The sandbox takes sepa_debit in payment mode only.");
        }
        session.put("payment_method_types", methodTypes);
        session.put("payment_status", "unpaid");
        session.put("shipping_address_collection", shippingCollection(p.child("shipping_address_collection")));
        Params phone = p.child("phone_number_collection");
        session.put("phone_number_collection", Obj.of("enabled", phone != null && Boolean.TRUE.equals(phone.bool("enabled"))));
        session.put("status", "open");
        session.put("submit_type", p.oneOf("submit_type", null, "auto", "book", "donate", "pay", "subscribe"));
        session.put("subscription", null);
        session.put("success_url", redirectUrl(p, "success_url"));
        session.put("total_details", Obj.of("amount_discount", totals.discount(), "amount_shipping", 0L,
                "amount_tax", totals.tax()));
        session.put("ui_mode", p.oneOf("ui_mode", "hosted_page", "hosted_page", "hosted"));
        session.put("url", call.origin() + "/sandbox/checkout/" + id);
        Params intentData = p.child("payment_intent_data");
        if (intentData != null && "subscription".equals(mode)) {
            throw StripeError.invalid("payment_intent_data", "parameter_invalid_object",
                    "You can not pass `payment_intent_data` in `subscription` mode.");
        }
        session.put("_payment_intent_data", intentData == null ? Obj.of() : Obj.of(
                "description", intentData.string("description"), "metadata", intentData.metadata(null),
                "receipt_email", intentData.string("receipt_email"),
                "setup_future_usage", intentData.string("setup_future_usage")));
        session.put("_subscription_data", Obj.of("trial_period_days", trialDays, "metadata", subscriptionMetadata,
                "description", subscriptionDescription, "default_tax_rates", defaultTaxRates));
        session.put("_line_items", Obj.of("object", "list", "data", lines, "has_more", false,
                "url", "/v1/checkout/sessions/" + id + "/line_items"));
        p.child("invoice_creation");
        store.insert(session);
        return session;
    }

    /**
     * A session in {@code setup} mode: no line items and no amount; the hosted page saves a card for the
     * customer in a SetupIntent. As at Stripe, nothing becomes anyone's default payment method by itself.
     */
    private Map<String, Object> createSetup(Call call, Params p) {
        if (p.has("line_items")) {
            throw StripeError.invalid("line_items", "parameter_invalid_array",
                    "You can not pass `line_items` in `setup` mode.");
        }
        String customer = p.string("customer");
        if (customer != null) {
            store.get(customer, "customer", "customer", "customer");
        }
        long expiresAt = Objects.requireNonNullElse(p.longValue("expires_at"), call.now() + MAX_EXPIRY);
        if (expiresAt < call.now() + MIN_EXPIRY || expiresAt > call.now() + MAX_EXPIRY) {
            throw StripeError.invalid("expires_at", "parameter_invalid_integer", "The `expires_at` timestamp must be "
                    + "at least 30 minutes and at most 24 hours from Checkout Session creation.");
        }
        for (String type : p.strings("payment_method_types")) {
            if (!type.equals("card")) {
                throw StripeError.invalid("payment_method_types", "payment_method_unactivated",
                        "The sandbox sets up cards only, not " + type + ".");
            }
        }
        Params setupData = p.child("setup_intent_data");
        String id = "cs_test_" + SandboxIds.random(58);
        Map<String, Object> session = Obj.base(id, "checkout.session", call.now());
        session.put("amount_subtotal", null);
        session.put("amount_total", null);
        session.put("cancel_url", redirectUrl(p, "cancel_url"));
        session.put("client_reference_id", p.string("client_reference_id"));
        session.put("currency", p.string("currency"));
        session.put("customer", customer);
        session.put("customer_details", null);
        session.put("customer_email", p.string("customer_email"));
        session.put("discounts", new ArrayList<>());
        session.put("expires_at", expiresAt);
        session.put("invoice", null);
        session.put("locale", p.oneOf("locale", null, LOCALES));
        session.put("metadata", p.metadata(null));
        session.put("mode", "setup");
        session.put("payment_intent", null);
        session.put("payment_link", null);
        session.put("payment_method_types", List.of("card"));
        session.put("payment_status", "no_payment_required");
        session.put("setup_intent", null);
        session.put("status", "open");
        session.put("subscription", null);
        session.put("success_url", redirectUrl(p, "success_url"));
        session.put("ui_mode", p.oneOf("ui_mode", "hosted_page", "hosted_page", "hosted"));
        session.put("url", call.origin() + "/sandbox/checkout/" + id);
        session.put("_setup_intent_data", setupData == null ? Obj.of("metadata", Obj.of(), "description", null)
                : Obj.of("metadata", setupData.metadata(null), "description", setupData.string("description")));
        session.put("_line_items", Obj.of("object", "list", "data", new ArrayList<>(), "has_more", false,
                "url", "/v1/checkout/sessions/" + id + "/line_items"));
        store.insert(session);
        return session;
    }

    /**
     * The hosted page saved a card for an open setup session: a succeeded SetupIntent with the new payment
     * method (attached to the session's customer), the session complete, {@code checkout.session.completed}.
     */
    Map<String, Object> setUp(Call call, String sessionId, String cardNumber, String email) {
        Map<String, Object> session = session(call, sessionId, true);
        if (!"open".equals(session.get("status")) || !"setup".equals(session.get("mode"))) {
            throw StripeError.invalid(null, "checkout_session_not_open", "This Checkout Session is no longer open.");
        }
        TestCard.require(cardNumber);
        if (session.get("customer") == null) {
            session.put("customer", newCustomer(call, email, null).get("id"));
        }
        Map<String, Object> method = payments.paymentMethod(call, cardNumber, Obj.str(session, "customer"));
        events.emit(call, "payment_method.attached", method, null);
        Map<String, Object> setupData = Obj.map(session, "_setup_intent_data");
        Map<String, Object> intent = Obj.base(SandboxIds.next("seti_"), "setup_intent", call.now());
        intent.put("cancellation_reason", null);
        intent.put("client_secret", intent.get("id") + "_secret_" + SandboxIds.random(24));
        intent.put("customer", session.get("customer"));
        intent.put("description", setupData.get("description"));
        intent.put("last_setup_error", null);
        intent.put("metadata", setupData.get("metadata") == null ? Obj.of() : setupData.get("metadata"));
        intent.put("payment_method", method.get("id"));
        intent.put("payment_method_types", List.of("card"));
        intent.put("status", "succeeded");
        intent.put("usage", "off_session");
        store.insert(intent);
        events.emit(call, "setup_intent.succeeded", intent, null);
        session.put("customer_details", Obj.of("address", null, "email", email, "name", null, "phone", null,
                "tax_exempt", "none", "tax_ids", new ArrayList<>()));
        session.put("setup_intent", intent.get("id"));
        session.put("status", "complete");
        session.put("url", null);
        store.update(session);
        events.emit(call, "checkout.session.completed", session, Obj.of("status", "open"));
        return session;
    }

    private List<Map<String, Object>> lineItems(Call call, Params p, String mode, List<Object> defaultTaxRates) {
        List<Params> items = p.list("line_items");
        if (items.isEmpty()) {
            throw StripeError.missing("line_items");
        }
        if ("payment".equals(mode) && items.size() > 100) {
            throw StripeError.invalid("line_items", "parameter_invalid_array",
                    "You may only specify up to 100 line items in `payment` mode.");
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        String currency = null;
        String interval = null;
        int recurringCount = 0;
        int oneTimeCount = 0;
        for (int i = 0; i < items.size(); i++) {
            Params item = items.get(i);
            String prefix = "line_items[" + i + "]";
            Map<String, Object> price;
            String priceId = item.string("price");
            Params priceData = item.child("price_data");
            if ((priceId == null) == (priceData == null)) {
                throw StripeError.invalid(prefix + "[price]", "parameter_missing",
                        "You must specify either `price` or `price_data` in " + prefix + ".");
            }
            if (priceId != null) {
                price = store.get(priceId, "price", prefix + "[price]", "price");
                if (!Boolean.TRUE.equals(price.get("active"))) {
                    throw StripeError.invalid(prefix + "[price]", "parameter_invalid_string",
                            "The price specified is inactive. This field only accepts active prices.");
                }
            } else {
                String product = priceData.string("product");
                price = core.price(call, priceData, product);
            }
            Long quantity = item.longValue("quantity");
            if (quantity == null) {
                throw StripeError.invalid(prefix + "[quantity]", "parameter_missing",
                        "Quantity is required. Add `quantity` to `" + prefix + "`");
            }
            if (quantity < 1 || quantity > 999_999) {
                throw StripeError.invalid(prefix + "[quantity]", "parameter_invalid_integer",
                        "Quantity must be between 1 and 999999.");
            }
            if (currency != null && !currency.equals(price.get("currency"))) {
                throw StripeError.invalid(prefix, "parameter_invalid_string",
                        "All line items must have the same currency.");
            }
            currency = Obj.str(price, "currency");
            Map<String, Object> recurring = Obj.map(price, "recurring");
            if (recurring != null) {
                recurringCount++;
                if ("payment".equals(mode)) {
                    throw StripeError.invalid(prefix + "[price]", "parameter_invalid_string", "You specified `payment` "
                            + "mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.");
                }
                String thisInterval = recurring.get("interval") + "/" + recurring.get("interval_count");
                if (interval != null && !interval.equals(thisInterval)) {
                    throw StripeError.invalid("line_items", "parameter_invalid_array",
                            "Checkout does not support multiple prices with different billing intervals.");
                }
                interval = thisInterval;
            } else {
                oneTimeCount++;
            }
            List<Object> rates = new ArrayList<>();
            List<String> rateIds = item.strings("tax_rates");
            for (String rate : rateIds) {
                Map<String, Object> taxRate = store.get(rate, "tax_rate", prefix + "[tax_rates]", "tax rate");
                if (!Boolean.TRUE.equals(taxRate.get("active"))) {
                    throw StripeError.invalid(prefix + "[tax_rates]", "parameter_invalid_string",
                            "Tax rate " + rate + " is archived; only active tax rates can be applied.");
                }
                rates.add(taxRate);
            }
            List<Object> ownRates = new ArrayList<>(rates);
            if (rateIds.isEmpty()) {
                // As on every invoice of the subscription: default rates tax each item that has none of its own.
                rates.addAll(defaultTaxRates);
            }
            Params adjustable = item.child("adjustable_quantity");
            item.strings("dynamic_tax_rates");
            Map<String, Object> product = store.find(Obj.str(price, "product")).orElse(Obj.of());
            Map<String, Object> line = Obj.of("id", SandboxIds.next("li_"), "object", "item",
                    "amount_discount", 0L, "amount_subtotal", Obj.longOf(price, "unit_amount") * quantity,
                    "amount_tax", 0L, "amount_total", 0L, "currency", currency,
                    "description", product.get("name"), "price", price, "quantity", quantity,
                    "taxes", new ArrayList<>(), "discounts", new ArrayList<>(),
                    "adjustable_quantity", adjustable == null ? null : Obj.of(
                            "enabled", Boolean.TRUE.equals(adjustable.bool("enabled")),
                            "minimum", adjustable.longValue("minimum"), "maximum", adjustable.longValue("maximum")),
                    "_tax_rates", rates, "_own_tax_rates", ownRates);
            lines.add(line);
        }
        if ("subscription".equals(mode)) {
            if (recurringCount == 0) {
                throw StripeError.invalid("line_items", "parameter_invalid_array",
                        "You must provide at least one recurring price in `subscription` mode when using prices.");
            }
            if (recurringCount > 20 || oneTimeCount > 20) {
                throw StripeError.invalid("line_items", "parameter_invalid_array", "In `subscription` mode you may "
                        + "specify up to 20 recurring and 20 one-time line items.");
            }
        }
        return lines;
    }

    private static String redirectUrl(Params p, String key) {
        String url = p.string(key);
        if (url != null && !url.matches("https?://[^\\s]+")) {
            throw StripeError.invalid(key, "url_invalid", "Not a valid URL");
        }
        return url;
    }

    private static Map<String, Object> branding(Params b) {
        if (b == null) {
            return null;
        }
        for (String color : List.of("background_color", "button_color")) {
            String value = b.string(color);
            if (value != null && !value.matches("#[0-9a-fA-F]{6}")) {
                throw StripeError.invalid(b.name(color), "parameter_invalid_string", "Invalid hex color: " + value);
            }
        }
        return Obj.of("background_color", b.string("background_color"), "button_color", b.string("button_color"),
                "border_style", b.oneOf("border_style", null, "pill", "rectangular", "rounded"),
                "display_name", b.string("display_name"), "font_family", b.string("font_family"),
                "icon", image(b.child("icon")), "logo", image(b.child("logo")));
    }

    /** A logo or icon given by URL, as Stripe echoes it ({@code type}, {@code url}); files are not kept here. */
    private static Map<String, Object> image(Params image) {
        if (image == null || !"url".equals(image.string("type")) || image.string("url") == null) {
            return null;
        }
        return Obj.of("type", "url", "url", image.string("url"));
    }

    /** {@code allowed_countries}: ISO 3166-1 alpha-2 codes, at least one. */
    private static Map<String, Object> shippingCollection(Params shipping) {
        if (shipping == null) {
            return null;
        }
        List<String> countries = shipping.strings("allowed_countries");
        if (countries.isEmpty()) {
            throw StripeError.missing(shipping.name("allowed_countries"));
        }
        for (String country : countries) {
            if (!country.matches("[A-Z]{2}")) {
                throw StripeError.invalid(shipping.name("allowed_countries"), "parameter_invalid_string",
                        "Invalid country: " + country);
            }
        }
        return Obj.of("allowed_countries", countries);
    }

    private static Map<String, Object> customText(Params text) {
        if (text == null) {
            return Obj.of("after_submit", null, "shipping_address", null, "submit", null, "terms_of_service_acceptance", null);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (String field : List.of("after_submit", "shipping_address", "submit", "terms_of_service_acceptance")) {
            Params entry = text.child(field);
            String message = entry == null ? null : entry.string("message");
            if (message != null && message.length() > 1200) {
                throw StripeError.invalid(text.name(field) + "[message]", "parameter_invalid_string",
                        "Custom text messages may be at most 1200 characters.");
            }
            result.put(field, message == null ? null : Obj.of("message", message));
        }
        return result;
    }

    // --- promotion codes typed on the hosted page

    /**
     * Applies the code the buyer typed to an open session that allows promotion codes: the discount is
     * priced into the lines as Stripe does. Returns null when applied, else why not ({@code invalid},
     * {@code expired}, {@code used_up}, {@code minimum}); nothing changes then.
     */
    String applyPromotionCode(Call call, String sessionId, String typed) {
        Map<String, Object> session = session(call, sessionId, true);
        if (!"open".equals(session.get("status")) || !Boolean.TRUE.equals(session.get("allow_promotion_codes"))) {
            return "invalid";
        }
        PromotionCodeResources.Redeemable code = promotionCodes.redeemable(call.now(), typed, session);
        if (code.refusal() != null) {
            return code.refusal();
        }
        if (!reprice(session, code.coupon())) {
            return "minimum";
        }
        session.put("discounts", List.of(Obj.of("coupon", code.coupon().get("id"), "promotion_code",
                code.promotionCode().get("id"))));
        store.update(session);
        return null;
    }

    /** The buyer removed the code again: the session is priced without a discount. */
    void removePromotionCode(Call call, String sessionId) {
        Map<String, Object> session = session(call, sessionId, true);
        if ("open".equals(session.get("status")) && Boolean.TRUE.equals(session.get("allow_promotion_codes"))) {
            reprice(session, null);
            session.put("discounts", new ArrayList<>());
            store.update(session);
        }
    }

    /**
     * The buyer changed the quantity of a line created with {@code adjustable_quantity}: within its minimum
     * (default 0) and maximum (default 99), as Stripe's page allows. Returns null when changed, else
     * {@code range} or {@code minimum} (the total would fall below the currency's minimum); nothing is stored then.
     */
    @SuppressWarnings("unchecked")
    String adjustQuantity(Call call, String sessionId, int lineIndex, long quantity) {
        Map<String, Object> session = session(call, sessionId, true);
        List<Object> lines = Obj.list(Obj.map(session, "_line_items"), "data");
        if (!"open".equals(session.get("status")) || lineIndex < 0 || lineIndex >= lines.size()) {
            return "range";
        }
        Map<String, Object> line = (Map<String, Object>) lines.get(lineIndex);
        Map<String, Object> adjustable = Obj.map(line, "adjustable_quantity");
        if (adjustable == null || !Boolean.TRUE.equals(adjustable.get("enabled"))) {
            return "range";
        }
        long min = adjustable.get("minimum") == null ? 0 : Obj.longOf(adjustable, "minimum");
        long max = adjustable.get("maximum") == null ? 99 : Obj.longOf(adjustable, "maximum");
        if (quantity < min || quantity > max) {
            return "range";
        }
        line.put("quantity", quantity);
        line.put("amount_subtotal", Obj.longOf(Obj.map(line, "price"), "unit_amount") * quantity);
        String couponId = Obj.list(session, "discounts").stream().map(d -> Obj.str((Map<String, Object>) d, "coupon"))
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (!reprice(session, couponId == null ? null : store.find(couponId).orElse(null))) {
            return "minimum";
        }
        store.update(session);
        return null;
    }

    /** Prices the session's lines with {@code coupon}; false when the total would fall below the minimum (store nothing then). */
    @SuppressWarnings("unchecked")
    private static boolean reprice(Map<String, Object> session, Map<String, Object> coupon) {
        List<Map<String, Object>> lines = Obj.list(Obj.map(session, "_line_items"), "data").stream()
                .map(line -> (Map<String, Object>) line).toList();
        LinePricing.Totals totals = LinePricing.price(lines, coupon);
        long minimum = Objects.requireNonNullElse(SandboxCurrencies.minimum(Obj.str(session, "currency")), 0L);
        boolean payment = "payment".equals(session.get("mode"));
        if ((payment && totals.total() < Math.max(1, minimum))
                || (!payment && totals.total() > 0 && totals.total() < minimum)) {
            return false;
        }
        session.put("amount_subtotal", totals.subtotal());
        session.put("amount_total", totals.total());
        session.put("total_details", Obj.of("amount_discount", totals.discount(), "amount_shipping", 0L,
                "amount_tax", totals.tax()));
        return true;
    }

    /** A code applied earlier may have run out or expired meanwhile (another buyer): Stripe refuses the payment then. */
    @SuppressWarnings("unchecked")
    private void requireDiscountStillValid(Call call, Map<String, Object> session) {
        for (Object discount : Obj.list(session, "discounts")) {
            String promotionCode = Obj.str((Map<String, Object>) discount, "promotion_code");
            if (promotionCode != null && promotionCodes.recheck(call.now(), promotionCode, session).refusal() != null) {
                reprice(session, null);
                session.put("discounts", new ArrayList<>());
                store.update(session);
                throw StripeError.invalid("discounts", "promotion_code_invalid",
                        "The promotion code is no longer valid; the total was updated without it.");
            }
        }
    }

    // --- completion from the hosted page

    /** What paying on the hosted page led to. */
    record Payment(Map<String, Object> session, PaymentResources.Attempt attempt) {
    }

    /** Tries a card for an open session; on success the session completes (and emits its events). */
    Payment pay(Call call, String sessionId, String cardNumber, String email, String name) {
        Map<String, Object> session = session(call, sessionId, true);
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid(null, "checkout_session_not_open", "This Checkout Session is no longer open.");
        }
        TestCard.require(cardNumber);
        requireDiscountStillValid(call, session);
        session.put("customer_details", Obj.of("address", null, "email", email, "name", name, "phone", null,
                "tax_exempt", "none", "tax_ids", new ArrayList<>()));
        boolean subscription = "subscription".equals(session.get("mode"));
        if (subscription && session.get("customer") == null) {
            session.put("customer", newCustomer(call, email, name).get("id"));
        }
        long amount = firstPayment(session);
        if (amount == 0) {
            // Nothing to charge today (a trial): the card is only saved for the renewals.
            Map<String, Object> method = payments.paymentMethod(call, cardNumber, Obj.str(session, "customer"));
            session.put("_payment_method", method.get("id"));
            store.update(session);
            complete(call, session);
            return new Payment(session, new PaymentResources.Attempt(Obj.of("status", "succeeded"), null));
        }
        Map<String, Object> intent = intentFor(call, session, amount);
        PaymentResources.Attempt attempt = payments.attempt(call, intent,
                payments.paymentMethod(call, cardNumber, Obj.str(intent, "customer")), false, null);
        if ("succeeded".equals(attempt.intent().get("status"))) {
            complete(call, session);
        }
        return new Payment(session, attempt);
    }

    /** The session's payment intent: the one of an earlier attempt, or a new one for {@code amount}. */
    private Map<String, Object> intentFor(Call call, Map<String, Object> session, long amount) {
        String existing = Obj.str(session, "payment_intent");
        if (existing != null) {
            store.update(session);
            return store.getForUpdate(existing, "payment_intent", "payment_intent", "payment_intent");
        }
        Map<String, Object> intentData = Obj.map(session, "_payment_intent_data");
        Map<String, Object> intent = payments.newIntent(call, amount, Obj.str(session, "currency"),
                Obj.str(session, "customer"), (String) intentData.get("description"),
                intentData.get("metadata") == null ? Obj.of() : Obj.map(intentData, "metadata"),
                (String) intentData.get("receipt_email"));
        session.put("payment_intent", intent.get("id"));
        store.update(session);
        return intent;
    }

    /** Whether the buyer may pay this session by SEPA Direct Debit (asked for at creation, EUR, payment mode). */
    static boolean takesBankDebit(Map<String, Object> session) {
        return Obj.list(session, "payment_method_types").contains("sepa_debit");
    }

    /**
     * Pays an open session by SEPA Direct Debit from a test IBAN. As with Stripe, the session completes
     * at once with {@code payment_status: unpaid}; {@link #settleDebits} later sends
     * {@code checkout.session.async_payment_succeeded} or {@code _failed}.
     */
    Payment payByDebit(Call call, String sessionId, String iban, String email, String name) {
        Map<String, Object> session = session(call, sessionId, true);
        if (!"open".equals(session.get("status"))) {
            throw StripeError.invalid(null, "checkout_session_not_open", "This Checkout Session is no longer open.");
        }
        if (!takesBankDebit(session)) {
            throw StripeError.invalid("payment_method_types", "payment_method_unactivated",
                    "This Checkout Session does not take sepa_debit.");
        }
        requireDiscountStillValid(call, session);
        session.put("customer_details", Obj.of("address", null, "email", email, "name", name, "phone", null,
                "tax_exempt", "none", "tax_ids", new ArrayList<>()));
        Map<String, Object> intent = intentFor(call, session, Obj.longOf(session, "amount_total"));
        PaymentResources.Attempt attempt = payments.debit(call, intent, iban, name, email);
        if (attempt.error() == null) {
            complete(call, session, "unpaid");
        }
        return new Payment(session, attempt);
    }

    /**
     * Bank debits whose settlement time has come succeed or fail, and their sessions say so with
     * {@code checkout.session.async_payment_succeeded} or {@code checkout.session.async_payment_failed}.
     * Runs when the sandbox clock moves and every few seconds.
     */
    void settleDebits(Call call) {
        for (Map<String, Object> intent : payments.settleDue(call)) {
            String intentId = Obj.str(intent, "id");
            store.list("checkout.session", s -> intentId.equals(s.get("payment_intent")), 1, null).data().stream()
                    .findFirst().ifPresent(found -> {
                        Map<String, Object> session = store.getForUpdate(Obj.str(found, "id"), "checkout.session",
                                "session", "checkout.session");
                        boolean succeeded = "succeeded".equals(intent.get("status"));
                        if (succeeded) {
                            session.put("payment_status", "paid");
                            store.update(session);
                        }
                        events.emit(call, succeeded ? "checkout.session.async_payment_succeeded"
                                : "checkout.session.async_payment_failed", session,
                                succeeded ? Obj.of("payment_status", "unpaid") : null);
                    });
        }
    }

    /** Today's charge: everything, or with a trial only the one-time items. */
    @SuppressWarnings("unchecked")
    private static long firstPayment(Map<String, Object> session) {
        Map<String, Object> subscriptionData = Obj.map(session, "_subscription_data");
        if (!"subscription".equals(session.get("mode")) || subscriptionData == null
                || subscriptionData.get("trial_period_days") == null) {
            return Obj.longOf(session, "amount_total");
        }
        return Obj.list(Obj.map(session, "_line_items"), "data").stream().map(l -> (Map<String, Object>) l)
                .filter(l -> Obj.map(Obj.map(l, "price"), "recurring") == null)
                .mapToLong(l -> Obj.longOf(l, "amount_total")).sum();
    }

    private Map<String, Object> newCustomer(Call call, Object email, Object name) {
        Map<String, Object> customer = Obj.base(SandboxIds.next("cus_"), "customer", call.now());
        customer.put("email", email);
        customer.put("name", name);
        customer.put("metadata", Obj.of());
        customer.put("balance", 0L);
        customer.put("delinquent", false);
        store.insert(customer);
        events.emit(call, "customer.created", customer, null);
        return customer;
    }

    /** After a successful payment: the session is complete and paid, a customer exists when asked for. */
    void complete(Call call, Map<String, Object> session) {
        complete(call, session, firstPayment(session) == 0 ? "no_payment_required" : "paid");
    }

    /** {@code paymentStatus} is "unpaid" while a bank debit is still processing. */
    private void complete(Call call, Map<String, Object> session, String paymentStatus) {
        Map<String, Object> details = Obj.map(session, "customer_details");
        if (session.get("customer") == null && "always".equals(session.get("customer_creation"))) {
            session.put("customer", newCustomer(call, details == null ? null : details.get("email"),
                    details == null ? null : details.get("name")).get("id"));
        }
        if ("subscription".equals(session.get("mode"))) {
            String intentId = Obj.str(session, "payment_intent");
            String method = intentId == null ? Obj.str(session, "_payment_method")
                    : store.find(intentId).map(pi -> Obj.str(pi, "payment_method")).orElse(null);
            Map<String, Object> subscription = subscriptions.createFromCheckout(call, session, method, intentId);
            session.put("subscription", subscription.get("id"));
            session.put("invoice", subscription.get("latest_invoice"));
            // In subscription mode Stripe keeps the payment on the invoice, not on the session.
            session.put("payment_intent", null);
            session.put("_payment_intent", intentId);
        }
        session.put("status", "complete");
        session.put("payment_status", paymentStatus);
        session.put("url", null);
        store.update(session);
        for (Object discount : Obj.list(session, "discounts")) {
            String couponId = Obj.str((Map<String, Object>) discount, "coupon");
            store.findForUpdate(couponId).ifPresent(coupon -> {
                coupon.put("times_redeemed", Obj.longOf(coupon, "times_redeemed") + 1);
                store.update(coupon);
            });
            String promotionCode = Obj.str((Map<String, Object>) discount, "promotion_code");
            if (promotionCode != null) {
                promotionCodes.redeemed(promotionCode);
            }
        }
        events.emit(call, "checkout.session.completed", session, Obj.of("status", "open"));
    }

    /** The 3-D Secure outcome for a session's payment. */
    Payment authenticate(Call call, String intentId, boolean approved) {
        Map<String, Object> intent = store.getForUpdate(intentId, "payment_intent", "payment_intent", "payment_intent");
        PaymentResources.Attempt attempt = payments.authenticate(call, intent, approved);
        Map<String, Object> session = store.list("checkout.session", s -> intentId.equals(s.get("payment_intent"))
                        || intentId.equals(s.get("_payment_intent")), 1, null)
                .data().stream().findFirst().orElse(null);
        if (session != null && "succeeded".equals(attempt.intent().get("status"))) {
            session = store.getForUpdate(Obj.str(session, "id"), "checkout.session", "session", "checkout.session");
            complete(call, session);
        } else if (session == null && "succeeded".equals(attempt.intent().get("status"))) {
            invoices.authenticated(call, intentId);
        }
        return new Payment(session, attempt);
    }
}
