package com.commercehub.subscription;

import java.math.BigDecimal;

/**
 * A new quantity and/or unit price (in the subscription's currency, null: unchanged) for one item, and how
 * the change is billed.
 */
public record ItemChange(String stripeItemId, Long quantity, BigDecimal unitAmount, Proration proration) {
}
