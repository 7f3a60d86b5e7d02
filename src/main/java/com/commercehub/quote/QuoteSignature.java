package com.commercehub.quote;

import java.time.Instant;

/**
 * A signature on one published version. {@code drawnPng} is the drawn signature (absent when the
 * signer typed their name on a device without a pointer, or for a countersignature made while
 * signed in); {@code contentSha256} names the exact frozen content that was signed.
 */
public record QuoteSignature(Role role, String name, String email, Instant signedAt, String clientAddress,
                             String userAgent, byte[] drawnPng, String contentSha256) {

    public enum Role { BUYER, COUNTERSIGNER }

    public boolean drawn() {
        return drawnPng != null && drawnPng.length > 0;
    }
}
