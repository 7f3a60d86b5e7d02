package com.commercehub.buyer;

import com.commercehub.stripe.StripeConnectionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who sells, as buyer pages and PDFs name them: the branding's display name and business address, else
 * SELLER_NAME / SELLER_ADDRESS, else the connected Stripe account's business name. Without a logo in the
 * branding, pages show the name's initials.
 */
@Component
class SellerProfile {

    // The account's name is read with the whole connection (decrypting its secrets); buyer pages are many.
    private static final java.time.Duration NAME_KEPT_FOR = java.time.Duration.ofSeconds(30);

    private final StripeConnectionService stripe;
    private final com.commercehub.branding.BrandingService branding;
    private final java.time.Clock clock;
    private final String name;
    private final String address;
    private volatile String accountName = "";
    private volatile java.time.Instant accountNameReadAt = java.time.Instant.MIN;

    SellerProfile(StripeConnectionService stripe, com.commercehub.branding.BrandingService branding, java.time.Clock clock, @Value("${hub.seller.name:}") String name,
                  @Value("${hub.seller.address:}") String address) {
        this.stripe = stripe;
        this.branding = branding;
        this.clock = clock;
        this.name = name == null ? "" : name.strip();
        this.address = address == null || address.isBlank() ? null : address.strip();
    }

    Seller current() {
        var brand = branding.current();
        String shown = brand.displayName() != null ? brand.displayName() : !name.isEmpty() ? name : accountName();
        return new Seller(shown, brand.businessAddress() != null ? brand.businessAddress() : address, initials(shown));
    }

    private String accountName() {
        java.time.Instant now = clock.instant();
        if (accountNameReadAt.plus(NAME_KEPT_FOR).isBefore(now)) {
            accountName = stripe.businessName().orElse("");
            accountNameReadAt = now;
        }
        return accountName;
    }

    static String initials(String name) {
        return com.commercehub.branding.BrandLook.initials(name);
    }
}
