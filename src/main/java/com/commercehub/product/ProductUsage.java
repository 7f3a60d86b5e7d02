package com.commercehub.product;

/**
 * Lets features that put products on deals and quotes tell the library a product is in use, so it
 * is archived instead of deleted. Implemented as Spring beans by those features (product depends on
 * none of them).
 */
public interface ProductUsage {

    /** How many deals/quotes/lines use the product; 0 when none. */
    long countUses(long productId);

    /** Translation key for the reason shown to the user, with the count as {0}. */
    String reasonKey();
}
