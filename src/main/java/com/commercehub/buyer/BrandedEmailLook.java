package com.commercehub.buyer;

import com.commercehub.base.web.PublicAddress;
import com.commercehub.branding.BrandLook;
import com.commercehub.branding.BrandingService;
import com.commercehub.mail.EmailLook;
import org.springframework.stereotype.Component;

/** E-mails carry the checkout branding's logo (at the public address) and colours, and the seller's name. */
@Component
class BrandedEmailLook implements EmailLook {

    private final BrandingService branding;
    private final SellerProfile seller;
    private final PublicAddress address;

    BrandedEmailLook(BrandingService branding, SellerProfile seller, PublicAddress address) {
        this.branding = branding;
        this.seller = seller;
        this.address = address;
    }

    @Override
    public Look look() {
        var brand = branding.current();
        String logo = brand.logo() == null ? null : address.base() + BrandLook.IMAGE_PATH + brand.logo() + ".png";
        return new Look(seller.current().name(), logo, brand.brandColor(), brand.buttonColor(),
                com.commercehub.branding.Contrast.BUTTON_TEXT);
    }
}
