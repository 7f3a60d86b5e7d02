package com.commercehub.checkout;

import com.commercehub.branding.BrandLook;
import com.commercehub.branding.BrandingSettings;
import com.stripe.param.checkout.SessionCreateParams;

import java.util.Locale;

/**
 * The checkout branding on a Checkout Session: {@code branding_settings} (display name, colours, corners, font,
 * logo and icon when the public address is https — Stripe fetches them from there), {@code custom_text} in the
 * session's language, billing address and phone collection, and promotion codes — only where the session carries
 * no discount of its own, as Stripe refuses both. Every session builder of the app calls {@link #apply}.
 */
public final class CheckoutBranding {

    private CheckoutBranding() {
    }

    /**
     * @param language        the buyer's language tag (the quote's, link's or invoice's), {@code null} for the
     *                        default buyer language
     * @param allowPromotions whether this session lets the buyer enter a promotion code (the setting's default, or
     *                        a payment link's own choice); ignored when {@code hasDiscount}
     * @param hasDiscount     the session already carries a coupon (the quote's)
     */
    public static void apply(SessionCreateParams.Builder session, BrandingSettings brand, String language,
                             String publicBase, boolean allowPromotions, boolean hasDiscount) {
        SessionCreateParams.BrandingSettings.Builder look = SessionCreateParams.BrandingSettings.builder()
                .setBackgroundColor(brand.brandColor())
                .setButtonColor(brand.buttonColor())
                .setBorderStyle(SessionCreateParams.BrandingSettings.BorderStyle.valueOf(brand.corners().name()))
                .setFontFamily(SessionCreateParams.BrandingSettings.FontFamily.valueOf(brand.font().name()));
        if (brand.displayName() != null) {
            look.setDisplayName(brand.displayName());
        }
        if (publicBase.startsWith("https://")) {
            if (brand.logo() != null) {
                look.setLogo(SessionCreateParams.BrandingSettings.Logo.builder()
                        .setType(SessionCreateParams.BrandingSettings.Logo.Type.URL)
                        .setUrl(publicBase + BrandLook.IMAGE_PATH + brand.logo() + ".png").build());
            }
            if (brand.icon() != null) {
                look.setIcon(SessionCreateParams.BrandingSettings.Icon.builder()
                        .setType(SessionCreateParams.BrandingSettings.Icon.Type.URL)
                        .setUrl(publicBase + BrandLook.IMAGE_PATH + brand.icon() + ".png").build());
            }
        }
        session.setBrandingSettings(look.build());
        BrandingSettings.CheckoutTexts texts = brand.textsIn(language);
        SessionCreateParams.CustomText.Builder custom = SessionCreateParams.CustomText.builder();
        if (texts.submit() != null) {
            custom.setSubmit(SessionCreateParams.CustomText.Submit.builder().setMessage(texts.submit()).build());
        }
        if (texts.afterSubmit() != null) {
            custom.setAfterSubmit(SessionCreateParams.CustomText.AfterSubmit.builder().setMessage(texts.afterSubmit()).build());
        }
        if (texts.terms() != null) {
            custom.setTermsOfServiceAcceptance(SessionCreateParams.CustomText.TermsOfServiceAcceptance.builder()
                    .setMessage(texts.terms()).build());
            session.setConsentCollection(SessionCreateParams.ConsentCollection.builder()
                    .setTermsOfService(SessionCreateParams.ConsentCollection.TermsOfService.REQUIRED).build());
        }
        session.setCustomText(custom.build());
        session.setBillingAddressCollection(SessionCreateParams.BillingAddressCollection.valueOf(
                brand.billingAddress().name().toUpperCase(Locale.ROOT)));
        session.setPhoneNumberCollection(SessionCreateParams.PhoneNumberCollection.builder()
                .setEnabled(brand.collectPhone()).build());
        if (!hasDiscount && allowPromotions) {
            session.setAllowPromotionCodes(true);
        }
    }

    /** Where Checkout sends the buyer after paying: the branding's redirect when it has one, else {@code ownPage}. */
    public static String successUrl(BrandingSettings brand, String ownPage) {
        return brand.redirectUrl() != null ? brand.redirectUrl() : ownPage;
    }
}
