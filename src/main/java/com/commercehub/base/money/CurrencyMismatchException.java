package com.commercehub.base.money;

import java.util.Currency;

/** Thrown when arithmetic or comparison mixes two currencies; such amounts are never added silently. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency left, Currency right) {
        super("Cannot combine " + left.getCurrencyCode() + " with " + right.getCurrencyCode());
    }
}
