package com.commercehub.checkout;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.web.PublicAddress;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checkout Sessions for payment links: one per visit of the link's page, made from the link's items
 * (no quote, no customer known beforehand — Stripe Checkout asks the buyer and makes the customer).
 * Completed sessions are recorded by {@link CheckoutFulfilment} like a quote's, marked with the link.
 */
@Component
public class LinkCheckout {

    /** Metadata key on the session and on its payment intent or subscription. */
    public static final String METADATA_LINK_ID = "payment_link_id";

    private static final Logger log = LoggerFactory.getLogger(LinkCheckout.class);

    /** A session made for a visit. */
    public record LinkSession(String id, String url) {
    }

    private final PublicAddress address;
    private final BrandingService branding;
    private final CheckoutTaxRates taxRates;
    private final Messages messages;

    LinkCheckout(PublicAddress address, BrandingService branding, CheckoutTaxRates taxRates, Messages messages) {
        this.address = address;
        this.branding = branding;
        this.taxRates = taxRates;
        this.messages = messages;
    }

    /**
     * A new Checkout Session for the visit (the visit number makes the idempotency key, so a retried request
     * gets the same session and the next visit a new one).
     *
     * @throws CheckoutUnavailableException when Stripe refuses or an amount cannot be charged exactly
     */
    public LinkSession start(PaymentAccount account, LinkCheckoutRequest request) {
        long expectedSubtotal = 0;
        long expectedTotal = 0;
        try {
            for (LinkCheckoutRequest.Item item : request.items()) {
                long amount = Math.multiplyExact(minor(item), item.quantity());
                expectedSubtotal += amount;
                expectedTotal += amount + addedTax(amount, item.tax());
            }
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.AMOUNT_MISMATCH, e.getMessage());
        }
        try {
            Map<CheckoutPlan.Tax, String> rates = taxRates(account, request);
            SessionCreateParams params;
            try {
                params = params(account, request, rates);
            } catch (IllegalArgumentException e) {
                throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.AMOUNT_MISMATCH, e.getMessage());
            }
            Session session = account.client().v1().checkout().sessions().create(params,
                    IdempotencyKeys.forWrite("payment-link", request.linkId(), "visit", request.visit()));
            // With a fixed discount Stripe spreads the coupon over the lines before taxing them: only the
            // subtotal is ours to predict then.
            boolean totalKnown = request.couponId() == null && request.promotionCodeId() == null;
            if (session.getAmountSubtotal() != expectedSubtotal || totalKnown && session.getAmountTotal() != expectedTotal) {
                log.error("Stripe priced payment link {} at {}/{} instead of {}/{}; session {} expired, not offered",
                        request.linkId(), session.getAmountSubtotal(), session.getAmountTotal(), expectedSubtotal,
                        expectedTotal, session.getId());
                account.client().v1().checkout().sessions().expire(session.getId());
                throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.AMOUNT_MISMATCH,
                        "payment link " + request.linkId());
            }
            return new LinkSession(session.getId(), session.getUrl());
        } catch (InvalidRequestException e) {
            if (request.promotionCodeId() != null && e.getParam() != null && e.getParam().startsWith("discounts")) {
                throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROMOTION_CODE_REFUSED,
                        e.getMessage());
            }
            log.warn("Checkout of payment link {} failed at Stripe: {} ({})", request.linkId(), e.getMessage(),
                    e.getRequestId());
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
        } catch (StripeException e) {
            log.warn("Checkout of payment link {} failed at Stripe: {} ({})", request.linkId(), e.getMessage(),
                    e.getRequestId());
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
        }
    }

    /** What an exclusive rate adds to a line, as Stripe rounds it (half up, per line); inclusive and none add 0. */
    private static long addedTax(long amount, CheckoutPlan.Tax tax) {
        if (tax == null || tax.inclusive()) {
            return 0;
        }
        return BigDecimal.valueOf(amount).multiply(tax.percentage()).movePointLeft(2)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The Stripe tax rate of each distinct tax of the items, shared with quote checkout ({@link CheckoutTaxRates}). */
    private Map<CheckoutPlan.Tax, String> taxRates(PaymentAccount account, LinkCheckoutRequest request)
            throws StripeException {
        Map<CheckoutPlan.Tax, String> rates = new LinkedHashMap<>();
        String name = messages.get("checkout.tax-rate.name", Locale.forLanguageTag(
                request.languageTag() == null ? "en" : request.languageTag()));
        for (LinkCheckoutRequest.Item item : request.items()) {
            CheckoutPlan.Tax tax = item.tax();
            if (tax != null && !rates.containsKey(tax)) {
                rates.put(tax, taxRates.rateFor(account, tax, name));
            }
        }
        return rates;
    }

    /** The session's status at Stripe ("open", "complete", "expired"); empty when Stripe no longer knows it. */
    public Optional<String> status(PaymentAccount account, String sessionId) {
        try {
            return Optional.ofNullable(account.client().v1().checkout().sessions().retrieve(sessionId).getStatus());
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())) {
                return Optional.empty();
            }
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
        } catch (StripeException e) {
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
        }
    }

    /**
     * The coupon of a link's fixed discount in the account, made once per link and discount (an edited
     * percentage or a link turned recurring makes a coupon of its own under its own key).
     */
    public String fixedDiscount(PaymentAccount account, LinkCheckoutRequest.FixedDiscount discount) {
        try {
            return account.client().v1().coupons().create(CouponCreateParams.builder()
                            .setName(discount.name().length() > 40 ? discount.name().substring(0, 39) + "…" : discount.name())
                            .setPercentOff(discount.percentOff())
                            .setDuration(discount.recurring() ? CouponCreateParams.Duration.FOREVER
                                    : CouponCreateParams.Duration.ONCE)
                            .putMetadata(METADATA_LINK_ID, String.valueOf(discount.linkId())).build(),
                    IdempotencyKeys.forWrite("payment-link", discount.linkId(), "coupon", account.accountId(),
                            discount.percentOff().stripTrailingZeros().toPlainString(),
                            discount.recurring() ? "forever" : "once")).getId();
        } catch (StripeException e) {
            throw new CheckoutUnavailableException(CheckoutUnavailableException.Reason.PROCESSOR_ERROR, e);
        }
    }

    /** The link a session (or its payment intent or subscription) was made for, from its metadata. */
    public static Optional<Long> linkOf(Map<String, String> metadata) {
        String id = metadata == null ? null : metadata.get(METADATA_LINK_ID);
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    private SessionCreateParams params(PaymentAccount account, LinkCheckoutRequest request,
                                       Map<CheckoutPlan.Tax, String> taxRates) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(METADATA_LINK_ID, String.valueOf(request.linkId()));
        metadata.put(QuoteCheckout.METADATA_ACCOUNT, account.accountId());
        String page = address.base() + request.buyerPath();
        boolean subscription = request.subscription();
        BrandingSettings brand = branding.current();
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(subscription ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId("payment-link-" + request.linkId())
                .setLocale(SessionRequests.locale(request.languageTag() != null ? request.languageTag()
                        : brand.defaultLanguage()))
                .setSuccessUrl(request.redirectUrl() != null ? request.redirectUrl()
                        : CheckoutBranding.successUrl(brand, page + "/paid?session_id={CHECKOUT_SESSION_ID}"))
                .setCancelUrl(page)
                .putAllMetadata(metadata);
        // The checkout branding first; what the link itself says about address, phone and codes wins after it.
        CheckoutBranding.apply(session, brand, request.languageTag(), address.base(), request.allowPromotionCodes(),
                request.couponId() != null || request.promotionCodeId() != null);
        session.setBillingAddressCollection(request.billingAddressRequired()
                || brand.billingAddress() == BrandingSettings.BillingAddress.REQUIRED
                ? SessionCreateParams.BillingAddressCollection.REQUIRED
                : SessionCreateParams.BillingAddressCollection.AUTO);
        if (request.expiresAt() != null) {
            session.setExpiresAt(request.expiresAt().getEpochSecond());
        }
        if (!subscription) {
            // The buyer becomes a Stripe customer, so later purchases and refunds find them.
            session.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
            session.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build());
        } else {
            session.setSubscriptionData(SessionCreateParams.SubscriptionData.builder().putAllMetadata(metadata).build());
        }
        if (request.phoneNumber()) {
            session.setPhoneNumberCollection(SessionCreateParams.PhoneNumberCollection.builder().setEnabled(true).build());
        }
        if (!request.shippingCountries().isEmpty()) {
            SessionCreateParams.ShippingAddressCollection.Builder shipping = SessionCreateParams.ShippingAddressCollection.builder();
            for (String country : request.shippingCountries()) {
                shipping.addAllowedCountry(SessionCreateParams.ShippingAddressCollection.AllowedCountry.valueOf(country));
            }
            session.setShippingAddressCollection(shipping.build());
        }
        if (request.allowPromotionCodes()) {
            session.setAllowPromotionCodes(true);
        }
        if (!request.allowPromotionCodes() && request.couponId() != null) {
            session.addDiscount(SessionCreateParams.Discount.builder().setCoupon(request.couponId()).build());
        } else if (!request.allowPromotionCodes() && request.promotionCodeId() != null) {
            session.addDiscount(SessionCreateParams.Discount.builder().setPromotionCode(request.promotionCodeId()).build());
        }
        for (LinkCheckoutRequest.Item item : request.items()) {
            session.addLineItem(lineItem(item, taxRates));
        }
        return session.build();
    }

    private static SessionCreateParams.LineItem lineItem(LinkCheckoutRequest.Item item,
                                                         Map<CheckoutPlan.Tax, String> taxRates) {
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(StripeAmounts.currencyParam(item.unitPrice().currency())).setUnitAmount(minor(item))
                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(item.name()).build());
        if (item.recurring()) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.valueOf(
                            item.interval().toUpperCase(Locale.ROOT)))
                    .setIntervalCount((long) item.intervalCount()).build());
        }
        SessionCreateParams.LineItem.Builder line = SessionCreateParams.LineItem.builder()
                .setQuantity(item.quantity()).setPriceData(price.build());
        // On the line, not as the subscription's default rate: Stripe then taxes each renewal of the item too.
        if (item.tax() != null) {
            line.addTaxRate(taxRates.get(item.tax()));
        }
        if (item.adjustable()) {
            SessionCreateParams.LineItem.AdjustableQuantity.Builder adjustable =
                    SessionCreateParams.LineItem.AdjustableQuantity.builder().setEnabled(true);
            if (item.minQuantity() != null) {
                adjustable.setMinimum(item.minQuantity().longValue());
            }
            if (item.maxQuantity() != null) {
                adjustable.setMaximum(item.maxQuantity().longValue());
            }
            line.setAdjustableQuantity(adjustable.build());
        }
        return line.build();
    }

    private static long minor(LinkCheckoutRequest.Item item) {
        if (!StripeAmounts.isExactlyRepresentable(item.unitPrice())) {
            throw new IllegalArgumentException(item.unitPrice() + " cannot be charged exactly through Stripe");
        }
        return StripeAmounts.toMinorUnits(item.unitPrice());
    }
}
