-- The buyer portal lists a contact's receipts (through their payments) and the invoices sent to them by contact
-- or, where no contact was linked, by e-mail address.
ALTER TABLE payment ADD INDEX ix_payment_contact (contact, id);
ALTER TABLE invoice ADD INDEX ix_invoice_buyer_email (buyer_email);
