package com.commercehub.subscription;

/** The portal link is malformed, unknown, expired, or names a subscription that is not its buyer's. */
public class PortalLinkInvalidException extends RuntimeException {

    PortalLinkInvalidException() {
        super("portal link not valid");
    }
}
