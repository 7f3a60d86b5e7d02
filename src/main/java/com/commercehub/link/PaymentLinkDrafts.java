package com.commercehub.link;

import com.commercehub.base.i18n.Messages;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductService;
import com.commercehub.product.TaxRateService;
import com.commercehub.product.TaxRateSummary;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a payment link's form, the same for making and for editing one: a draft becomes the link's
 * content or a {@link PaymentLinkValidationException} with a message key per field. New items are copied from
 * the library as it is now; an edited link's item that staff kept ({@link PaymentLinkDraft.Item#keptLine()})
 * keeps its copy — name, price, interval and, unless another rate was chosen, its tax — as Stripe keeps a
 * payment link's prices: a later library change alters only the items staff add again.
 */
@Component
class PaymentLinkDrafts {

    static final int MAX_QUANTITY = 999_999;
    private static final int NAME_MAX = 200;
    private static final int MESSAGE_MAX = 1200;
    private static final Set<String> STRIPE_SHIPPING_COUNTRIES = Arrays.stream(
                    SessionCreateParams.ShippingAddressCollection.AllowedCountry.values())
            .map(SessionCreateParams.ShippingAddressCollection.AllowedCountry::name).collect(Collectors.toSet());

    /** A draft that passed: what the row gets. */
    record Content(String name, Currency currency, List<PaymentLinkRows.Item> items, String language,
                   boolean allowPromotionCodes, BigDecimal discountPercent, boolean billingAddressRequired,
                   List<String> shippingCountries, boolean phoneNumber, Instant expiresAt, boolean oneTime,
                   String thankYouMessage, String redirectUrl, com.commercehub.crm.DealStage dealStage) {
    }

    private final ProductService products;
    private final TaxRateService taxRates;
    private final Clock clock;

    PaymentLinkDrafts(ProductService products, TaxRateService taxRates, Clock clock) {
        this.products = products;
        this.taxRates = taxRates;
        this.clock = clock;
    }

    /**
     * @param existing the link being edited, or null for a new one
     * @throws PaymentLinkValidationException with a message key per field when the draft breaks a rule
     */
    Content validate(PaymentLinkDraft draft, PaymentLinkRows.Link existing) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<PaymentLinkRows.Item> items = items(draft, existing, problems);
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.put("name", "link.name.required");
        } else if (name.length() > NAME_MAX) {
            problems.put("name", "link.name.too-long");
        }
        if (draft.discountPercent() != null) {
            if (draft.allowPromotionCodes()) {
                problems.put("discountPercent", "link.discount.with-codes");
            } else if (draft.discountPercent().signum() <= 0 || draft.discountPercent().compareTo(BigDecimal.valueOf(100)) >= 0
                    || draft.discountPercent().scale() > 2) {
                problems.put("discountPercent", "link.discount.range");
            }
        }
        List<String> countries = countries(draft.shippingCountries(), problems);
        Instant expiresAt = null;
        if (draft.expiresOn() != null) {
            expiresAt = endOf(draft.expiresOn());
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            // An edit that leaves a past expiry as it was is not refused for it (the link simply stays expired).
            boolean unchanged = existing != null && expiresAt.equals(existing.expiresAt());
            if (draft.expiresOn().isBefore(today) && !unchanged) {
                problems.put("expiresOn", "link.expires.past");
            }
        }
        String message = blankToNull(draft.thankYouMessage());
        String redirect = blankToNull(draft.redirectUrl());
        if (draft.afterPayment() == PaymentLinkDraft.AfterPayment.REDIRECT) {
            if (redirect == null || !isHttps(redirect)) {
                problems.put("redirectUrl", "link.redirect.https");
            }
            message = null;
        } else {
            redirect = null;
            if (message != null && message.length() > MESSAGE_MAX) {
                problems.put("thankYouMessage", "link.message.too-long");
            }
        }
        if (!problems.isEmpty()) {
            throw new PaymentLinkValidationException(problems);
        }
        Locale language = draft.language() == null ? null : Messages.supported(draft.language());
        return new Content(name, items.getFirst().unitPrice().currency(), items,
                language == null ? null : language.toLanguageTag(), draft.allowPromotionCodes(), draft.discountPercent(),
                draft.billingAddressRequired(), countries, draft.phoneNumber(), expiresAt, draft.oneTime(), message,
                redirect, draft.dealStage());
    }

    /** The instant a link expiring on this day stops taking payments: the end of the day in UTC. */
    static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last day of a stored expiry, as the form shows it. */
    static LocalDate lastDay(Instant expiresAt) {
        return expiresAt == null ? null : LocalDate.ofInstant(expiresAt, ZoneOffset.UTC).minusDays(1);
    }

    private List<PaymentLinkRows.Item> items(PaymentLinkDraft draft, PaymentLinkRows.Link existing,
                                             Map<String, String> problems) {
        List<PaymentLinkDraft.Item> drafts = draft.items() == null ? List.of() : draft.items();
        if (drafts.isEmpty()) {
            problems.put("items", "link.items.required");
            return List.of();
        }
        if (drafts.size() > PaymentLinkService.MAX_ITEMS) {
            problems.put("items", "link.items.too-many");
            return List.of();
        }
        List<PaymentLinkRows.Item> items = new ArrayList<>();
        Set<String> intervals = new HashSet<>();
        Set<Currency> currencies = new HashSet<>();
        List<TaxRateSummary> rates = drafts.stream().anyMatch(item -> item.taxRateId() != null) ? taxRates.active() : List.of();
        for (PaymentLinkDraft.Item item : drafts) {
            boolean quantityOk = item.quantity() >= 1 && item.quantity() <= MAX_QUANTITY
                    && (item.minQuantity() == null || (item.minQuantity() >= 0 && item.minQuantity() <= item.quantity()))
                    && (item.maxQuantity() == null || (item.maxQuantity() >= item.quantity() && item.maxQuantity() <= MAX_QUANTITY));
            if (!quantityOk) {
                problems.put("items", "link.items.quantity");
            }
            PaymentLinkRows.Item copy = kept(existing, item);
            if (copy == null) {
                copy = fromLibrary(item, problems);
                if (copy == null) {
                    continue;
                }
            }
            PaymentLinkRows.Tax tax = copy.tax() != null && Objects.equals(item.taxRateId(), copy.tax().rateId())
                    ? copy.tax() : tax(item.taxRateId(), rates, problems);
            currencies.add(copy.unitPrice().currency());
            if (copy.interval() != null) {
                intervals.add(copy.interval() + "/" + copy.intervalCount());
            }
            items.add(new PaymentLinkRows.Item(copy.productId(), copy.name(), copy.unitPrice(), copy.interval(),
                    copy.intervalCount(), item.quantity(), item.minQuantity(), item.maxQuantity(), tax));
        }
        if (currencies.size() > 1) {
            problems.put("items", "link.items.one-currency");
        } else if (intervals.size() > 1) {
            problems.put("items", "link.items.one-interval");
        }
        return items;
    }

    /** The edited link's own copy of the item staff kept, or null when it is a new item. */
    private static PaymentLinkRows.Item kept(PaymentLinkRows.Link existing, PaymentLinkDraft.Item item) {
        if (existing == null || item.keptLine() == null || item.keptLine() < 0
                || item.keptLine() >= existing.items().size()) {
            return null;
        }
        PaymentLinkRows.Item copy = existing.items().get(item.keptLine());
        return copy.productId() == item.productId() ? copy : null;
    }

    private PaymentLinkRows.Item fromLibrary(PaymentLinkDraft.Item item, Map<String, String> problems) {
        ProductDetails product;
        try {
            product = products.get(item.productId());
        } catch (OptimisticLockingFailureException gone) {
            problems.put("items", "link.items.product-gone");
            return null;
        }
        if (product.archived()) {
            problems.put("items", "link.items.product-gone");
        }
        if (!StripeAmounts.isExactlyRepresentable(product.price())) {
            problems.put("items", "link.items.price-not-chargeable");
        }
        BillingFrequency frequency = product.frequency();
        return new PaymentLinkRows.Item(product.id(), product.name(), product.price(),
                frequency == null ? null : frequency.unit().name().toLowerCase(Locale.ROOT),
                frequency == null ? null : frequency.count(), item.quantity(), item.minQuantity(), item.maxQuantity(),
                null);
    }

    /** The chosen rate copied as it is now; an archived or unknown one is refused as on quotes. */
    private static PaymentLinkRows.Tax tax(Long rateId, List<TaxRateSummary> rates, Map<String, String> problems) {
        if (rateId == null) {
            return null;
        }
        return rates.stream().filter(rate -> rate.id() == rateId).findFirst()
                .map(rate -> new PaymentLinkRows.Tax(rate.id(), rate.name(), rate.percentage().stripTrailingZeros(),
                        rate.inclusive()))
                .orElseGet(() -> {
                    problems.put("items", "link.items.tax-gone");
                    return null;
                });
    }

    private static List<String> countries(String typed, Map<String, String> problems) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        List<String> countries = Arrays.stream(typed.toUpperCase(Locale.ROOT).split("[,;\\s]+"))
                .filter(code -> !code.isEmpty()).distinct().toList();
        if (!countries.stream().allMatch(STRIPE_SHIPPING_COUNTRIES::contains)) {
            problems.put("shippingCountries", "link.shipping.unknown");
        }
        return countries;
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
