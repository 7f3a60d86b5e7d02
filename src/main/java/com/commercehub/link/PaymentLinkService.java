package com.commercehub.link;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Actors;
import com.commercehub.base.secrets.BearerTokens;
import com.commercehub.base.security.Role;
import com.commercehub.base.web.PublicAddress;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductDetails;
import com.commercehub.product.ProductService;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.param.checkout.SessionCreateParams;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Payment links for staff: make one, list them with their payments, switch them on and off, copy the address. */
@Service
public class PaymentLinkService {

    /** Stripe's limit on a payment link's (and our link's) items. */
    public static final int MAX_ITEMS = 20;
    static final int MAX_QUANTITY = 999_999;
    private static final int NAME_MAX = 200;
    private static final int MESSAGE_MAX = 1200;
    private static final Set<String> STRIPE_SHIPPING_COUNTRIES = Arrays.stream(
                    SessionCreateParams.ShippingAddressCollection.AllowedCountry.values())
            .map(SessionCreateParams.ShippingAddressCollection.AllowedCountry::name).collect(Collectors.toSet());

    private final PaymentLinkRows rows;
    private final LinkTokens tokens;
    private final ProductService products;
    private final PublicAddress address;
    private final Clock clock;

    PaymentLinkService(PaymentLinkRows rows, LinkTokens tokens, ProductService products, PublicAddress address,
                       Clock clock) {
        this.rows = rows;
        this.tokens = tokens;
        this.products = products;
        this.address = address;
        this.clock = clock;
    }

    /**
     * Makes an active link from library products (copied as they are now).
     *
     * @return the link's id
     * @throws PaymentLinkValidationException with a message key per field when the draft breaks a rule
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public long create(PaymentLinkDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<PaymentLinkRows.Item> items = items(draft, problems);
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
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (draft.expiresOn().isBefore(today)) {
                problems.put("expiresOn", "link.expires.past");
            }
            expiresAt = draft.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
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
        BearerTokens.Issued token = tokens.issue();
        Locale language = draft.language() == null ? null : Messages.supported(draft.language());
        PaymentLinkRows.Link link = new PaymentLinkRows.Link(0, 0, name, token.sealed(), items.getFirst().unitPrice().currency(),
                language == null ? null : language.toLanguageTag(), draft.allowPromotionCodes(), draft.discountPercent(),
                draft.billingAddressRequired(), countries, draft.phoneNumber(), expiresAt, draft.oneTime(), message,
                redirect, draft.dealStage(), true, null, 0, null, null, null, Actors.current(), clock.instant(), items);
        return rows.insert(link, token.hash(), clock.instant());
    }

    private List<PaymentLinkRows.Item> items(PaymentLinkDraft draft, Map<String, String> problems) {
        List<PaymentLinkDraft.Item> drafts = draft.items() == null ? List.of() : draft.items();
        if (drafts.isEmpty()) {
            problems.put("items", "link.items.required");
            return List.of();
        }
        if (drafts.size() > MAX_ITEMS) {
            problems.put("items", "link.items.too-many");
            return List.of();
        }
        List<PaymentLinkRows.Item> items = new ArrayList<>();
        Set<BillingFrequency> intervals = new java.util.HashSet<>();
        Set<java.util.Currency> currencies = new java.util.HashSet<>();
        for (PaymentLinkDraft.Item item : drafts) {
            ProductDetails product;
            try {
                product = products.get(item.productId());
            } catch (OptimisticLockingFailureException gone) {
                problems.put("items", "link.items.product-gone");
                continue;
            }
            if (product.archived()) {
                problems.put("items", "link.items.product-gone");
            }
            if (!StripeAmounts.isExactlyRepresentable(product.price())) {
                problems.put("items", "link.items.price-not-chargeable");
            }
            boolean quantityOk = item.quantity() >= 1 && item.quantity() <= MAX_QUANTITY
                    && (item.minQuantity() == null || (item.minQuantity() >= 0 && item.minQuantity() <= item.quantity()))
                    && (item.maxQuantity() == null || (item.maxQuantity() >= item.quantity() && item.maxQuantity() <= MAX_QUANTITY));
            if (!quantityOk) {
                problems.put("items", "link.items.quantity");
            }
            currencies.add(product.price().currency());
            if (product.frequency() != null) {
                intervals.add(product.frequency());
            }
            items.add(new PaymentLinkRows.Item(product.id(), product.name(), product.price(),
                    product.frequency() == null ? null : product.frequency().unit().name().toLowerCase(Locale.ROOT),
                    product.frequency() == null ? null : product.frequency().count(), item.quantity(),
                    item.minQuantity(), item.maxQuantity()));
        }
        if (currencies.size() > 1) {
            problems.put("items", "link.items.one-currency");
        } else if (intervals.size() > 1) {
            problems.put("items", "link.items.one-interval");
        }
        return items;
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

    /** A page of links, newest first, with payment counts and revenue per currency (three queries per page). */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PaymentLinkListEntry> page(int offset, int limit) {
        List<PaymentLinkRows.Link> links = rows.page(offset, limit);
        List<PaymentLinkRows.Revenue> revenue = rows.revenue(links.stream().map(PaymentLinkRows.Link::id).toList());
        Instant now = clock.instant();
        return links.stream().map(link -> {
            List<PaymentLinkRows.Revenue> own = revenue.stream().filter(r -> r.linkId() == link.id()).toList();
            return new PaymentLinkListEntry(link.id(), link.version(), link.name(), link.status(now), link.oneTime(),
                    own.stream().mapToLong(PaymentLinkRows.Revenue::payments).sum(),
                    own.stream().map(PaymentLinkRows.Revenue::amount).toList(), link.expiresAt(), link.createdAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count() {
        return rows.count();
    }

    /**
     * Switches the link on or off as the user saw it ({@code expectedVersion}); a completed one-time link stays off.
     *
     * @throws OptimisticLockingFailureException when someone changed the link meanwhile
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public void setActive(long id, long expectedVersion, boolean active) {
        PaymentLinkRows.Link link = rows.byId(id)
                .orElseThrow(() -> new OptimisticLockingFailureException("payment link " + id + " is gone"));
        if (active && link.completedAt() != null) {
            throw new PaymentLinkValidationException(Map.of("active", "link.reactivate.completed"));
        }
        rows.setActive(id, expectedVersion, active, clock.instant());
    }

    /** The buyer-facing address of the link, to copy, show as QR code or embed. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public String address(long id) {
        PaymentLinkRows.Link link = rows.byId(id)
                .orElseThrow(() -> new OptimisticLockingFailureException("payment link " + id + " is gone"));
        return address.base() + LinkTokens.PATH + tokens.reveal(link.tokenSealed());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
