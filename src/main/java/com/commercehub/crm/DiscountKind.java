package com.commercehub.crm;

/** A line discount as a percentage of the line, or an amount off it. */
public enum DiscountKind { PERCENT, AMOUNT }
