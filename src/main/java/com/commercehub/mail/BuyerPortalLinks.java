package com.commercehub.mail;

import java.net.URI;

/**
 * Port: the link every e-mail to a buyer carries into the buyer portal ({@link SimpleEmail#withPortalLink}).
 * Implemented by the subscription package, which owns the portal's magic links; every feature that writes to a
 * buyer depends on it only through here, as mail depends on none of them.
 */
public interface BuyerPortalLinks {

    /**
     * A fresh magic link (an hour, purpose "portal") for the buyer known by this address, issued in the caller's
     * transaction; when no contact has the address, the portal's request page, where a buyer asks for a link.
     */
    URI forBuyer(String email);
}
