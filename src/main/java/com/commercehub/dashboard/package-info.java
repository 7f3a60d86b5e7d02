/**
 * Finance's view of the money: the payments page (filters, Stripe sync state, re-sync, refunds), the revenue
 * dashboard, exports and the reconciliation with Stripe. It reads SQL only: the payment records written by
 * {@code payment.PaymentRecords} and the rollups it keeps current in the same transaction through
 * {@code payment.PaymentRecordsListener}, and the invoices' table for the open and overdue invoice cards and the
 * invoices export (read as SQL, never through the invoices feature). Depends on {@code payment}, {@code stripe} and {@code base}.
 */
package com.commercehub.dashboard;
