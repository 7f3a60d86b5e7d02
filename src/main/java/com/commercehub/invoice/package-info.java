/**
 * Invoices: made from a deal, a contact or company, or from scratch, with the same line items and
 * calculator as quotes; numbered without gaps when sent (drafts carry no number), sent to the buyer
 * through the outbox with a link to the public invoice page, paid through Checkout or recorded by hand
 * (in part when allowed), overdue and reminded on the business calendar, voided with a reason. Also the
 * receipts that document every other recorded payment. Depends on {@code crm}, {@code quote} (calculator),
 * {@code product}, {@code payment} (the payment-recorded event), {@code mail} and {@code base}; checkout
 * and the buyer pages depend on it, never the other way.
 */
package com.commercehub.invoice;
