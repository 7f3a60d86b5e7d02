package com.commercehub.crm;

/**
 * A deal was given to another owner. Published in the transaction that saved it, so whoever keeps figures per
 * owner (the dashboard's rollups) moves them with it.
 */
public record DealOwnerChanged(long dealId, String previousOwner, String owner) {
}
