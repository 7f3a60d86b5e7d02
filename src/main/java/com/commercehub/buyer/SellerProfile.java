package com.commercehub.buyer;

import com.commercehub.stripe.StripeConnectionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who sells, as buyer pages and PDFs name them: SELLER_NAME / SELLER_ADDRESS, else the connected
 * Stripe account's business name. The logo is a placeholder of initials until branding exists.
 */
@Component
class SellerProfile {

    // The account's name is read with the whole connection (decrypting its secrets); buyer pages are many.
    private static final java.time.Duration NAME_KEPT_FOR = java.time.Duration.ofSeconds(30);

    private final StripeConnectionService stripe;
    private final java.time.Clock clock;
    private final String name;
    private final String address;
    private volatile String accountName = "";
    private volatile java.time.Instant accountNameReadAt = java.time.Instant.MIN;

    SellerProfile(StripeConnectionService stripe, java.time.Clock clock, @Value("${hub.seller.name:}") String name,
                  @Value("${hub.seller.address:}") String address) {
        this.stripe = stripe;
        this.clock = clock;
        this.name = name == null ? "" : name.strip();
        this.address = address == null || address.isBlank() ? null : address.strip();
    }

    Seller current() {
        String shown = !name.isEmpty() ? name : accountName();
        return new Seller(shown, address, initials(shown));
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
        StringBuilder initials = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(word.codePointAt(0));
            }
        }
        return initials.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
