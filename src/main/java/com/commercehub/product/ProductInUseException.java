package com.commercehub.product;

/** A product that is used somewhere cannot be deleted, only archived. */
public class ProductInUseException extends RuntimeException {

    private final String reasonKey;
    private final long uses;

    public ProductInUseException(String reasonKey, long uses) {
        super(reasonKey + " (" + uses + ")");
        this.reasonKey = reasonKey;
        this.uses = uses;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public long uses() {
        return uses;
    }
}
