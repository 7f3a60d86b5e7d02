package com.commercehub.checkout;

import com.commercehub.quote.PayableQuote;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Stripe requests for a {@link CheckoutPlan}, with the ids of what was made for it (customer, tax
 * rates, coupon, products). Pure: the same inputs give the same request, as idempotency keys require.
 */
final class SessionRequests {

    /** Ids the plan's lines and coupon refer to; {@code productIds} (per quote line) only with a lines-only coupon. */
    record Refs(String customerId, Map<CheckoutPlan.Tax, String> taxRateIds, String couponId, List<String> productIds) {
    }

    private SessionRequests() {
    }

    static Map<String, String> metadata(PayableQuote quote, String accountId) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(QuoteCheckout.METADATA_QUOTE_ID, String.valueOf(quote.quoteId()));
        metadata.put(QuoteCheckout.METADATA_VERSION, String.valueOf(quote.version()));
        metadata.put(QuoteCheckout.METADATA_NUMBER, quote.content().number());
        metadata.put(QuoteCheckout.METADATA_ACCOUNT, accountId);
        return metadata;
    }

    static String clientReference(PayableQuote quote) {
        return "quote-" + quote.quoteId() + "-v" + quote.version();
    }

    static SessionCreateParams session(PayableQuote quote, CheckoutPlan plan, Refs refs, String accountId,
                                       String publicBase, String token, boolean sepaDebit,
                                       com.commercehub.branding.BrandingSettings brand) {
        Map<String, String> metadata = metadata(quote, accountId);
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(plan.subscription() ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
                .setCustomer(refs.customerId())
                .setClientReferenceId(clientReference(quote))
                .setLocale(locale(language(quote, brand)))
                .setSuccessUrl(CheckoutBranding.successUrl(brand,
                        publicBase + "/quote/" + token + "/paid?session_id={CHECKOUT_SESSION_ID}"))
                .setCancelUrl(publicBase + "/quote/" + token)
                .putAllMetadata(metadata);
        // SEPA Direct Debit where the account takes it: euro one-off payments (Checkout offers it in payment
        // mode; it settles days later, which the payment records follow as "processing").
        if (sepaDebit && !plan.subscription() && "eur".equalsIgnoreCase(plan.currency())) {
            session.addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                    .addPaymentMethodType(SessionCreateParams.PaymentMethodType.SEPA_DEBIT);
        }
        int quoteLine = 0;
        for (CheckoutPlan.Line line : plan.lines()) {
            String product = line.fee() || refs.productIds().isEmpty() ? null : refs.productIds().get(quoteLine);
            quoteLine += line.fee() ? 0 : 1;
            session.addLineItem(lineItem(plan.currency(), line, product, refs.taxRateIds()));
        }
        if (refs.couponId() != null) {
            session.addDiscount(SessionCreateParams.Discount.builder().setCoupon(refs.couponId()).build());
        }
        CheckoutBranding.apply(session, brand, language(quote, brand), publicBase, brand.allowPromotionCodes(),
                refs.couponId() != null);
        if (plan.subscription()) {
            SessionCreateParams.SubscriptionData.Builder subscription = SessionCreateParams.SubscriptionData.builder()
                    .putAllMetadata(metadata);
            plan.subscriptionDefaultTax().ifPresent(tax -> subscription.addDefaultTaxRate(refs.taxRateIds().get(tax)));
            session.setSubscriptionData(subscription.build());
        } else {
            session.setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata).build());
        }
        return session.build();
    }

    private static SessionCreateParams.LineItem lineItem(String currency, CheckoutPlan.Line line, String product,
                                                         Map<CheckoutPlan.Tax, String> taxRateIds) {
        SessionCreateParams.LineItem.PriceData.Builder price = SessionCreateParams.LineItem.PriceData.builder()
                .setCurrency(currency).setUnitAmount(line.unitAmount());
        if (product != null) {
            price.setProduct(product);
        } else {
            price.setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder().setName(line.name()).build());
        }
        if (line.recurring()) {
            price.setRecurring(SessionCreateParams.LineItem.PriceData.Recurring.builder()
                    .setInterval(SessionCreateParams.LineItem.PriceData.Recurring.Interval.valueOf(
                            line.interval().toUpperCase(Locale.ROOT)))
                    .setIntervalCount((long) line.intervalCount()).build());
        }
        SessionCreateParams.LineItem.Builder item = SessionCreateParams.LineItem.builder()
                .setQuantity(line.quantity()).setPriceData(price.build());
        if (line.tax() != null) {
            item.addTaxRate(taxRateIds.get(line.tax()));
        }
        return item.build();
    }

    static CouponCreateParams coupon(CheckoutPlan plan, List<String> productIds, Map<String, String> metadata) {
        CheckoutPlan.Coupon coupon = plan.coupon();
        CouponCreateParams.Builder params = CouponCreateParams.builder().setName(coupon.name())
                .setDuration(coupon.forever() ? CouponCreateParams.Duration.FOREVER : CouponCreateParams.Duration.ONCE)
                .putAllMetadata(metadata);
        if (coupon.amountOff() != null) {
            params.setAmountOff(coupon.amountOff()).setCurrency(plan.currency());
        } else {
            params.setPercentOff(coupon.percentOff());
        }
        if (coupon.linesOnly()) {
            params.setAppliesTo(CouponCreateParams.AppliesTo.builder().addAllProduct(productIds).build());
        }
        return params.build();
    }

    static ProductCreateParams product(CheckoutPlan.Line line, Map<String, String> metadata) {
        return ProductCreateParams.builder().setName(line.name()).putAllMetadata(metadata).build();
    }

    /** The quote's language, or the branding's default buyer language for a quote without one. */
    private static String language(PayableQuote quote, com.commercehub.branding.BrandingSettings brand) {
        String own = quote.content().locale();
        return own == null || own.isBlank() ? brand.defaultLanguage() : own;
    }

    /** Stripe's Checkout locale for the quote's language; Stripe picks one itself for anything else. */
    static SessionCreateParams.Locale locale(String languageTag) {
        String tag = languageTag == null ? "" : languageTag;
        return Arrays.stream(SessionCreateParams.Locale.values())
                .filter(locale -> locale.getValue().equalsIgnoreCase(tag)).findFirst()
                .or(() -> Arrays.stream(SessionCreateParams.Locale.values())
                        .filter(locale -> locale.getValue().equalsIgnoreCase(Locale.forLanguageTag(tag).getLanguage()))
                        .findFirst())
                .orElse(SessionCreateParams.Locale.AUTO);
    }
}
