package com.commercehub.automation;

/** The kinds of record a workflow enrols; each has a {@link RecordSource} once its feature exists. */
public enum RecordType {
    PAYMENT, QUOTE, SUBSCRIPTION, INVOICE, PAYMENT_LINK
}
