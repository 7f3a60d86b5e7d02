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

    private final StripeConnectionService stripe;
    private final String name;
    private final String address;

    SellerProfile(StripeConnectionService stripe, @Value("${hub.seller.name:}") String name,
                  @Value("${hub.seller.address:}") String address) {
        this.stripe = stripe;
        this.name = name == null ? "" : name.strip();
        this.address = address == null || address.isBlank() ? null : address.strip();
    }

    Seller current() {
        String shown = !name.isEmpty() ? name : stripe.businessName().orElse("");
        return new Seller(shown, address, initials(shown));
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
