package com.commercehub.quote;

/**
 * What the buyer submits to sign: full name, e-mail, the explicit consent, and either a drawn
 * signature (PNG) or — on a device without a pointer — the typed name as the signature. The client
 * address and user agent are recorded with it.
 */
public record BuyerSignatureInput(String name, String email, boolean consent, byte[] drawnPng, boolean typed,
                                  String clientAddress, String userAgent) {
}
