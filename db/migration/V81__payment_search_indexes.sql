-- The payments page's search finds its payments through indexes: the buyer's contact or company (matched by
-- name or e-mail in their own, small tables) and the exact Stripe ids people paste. Without these a search
-- read every payment (dashboard.PaymentsPageService).
ALTER TABLE payment
    ADD INDEX ix_payment_company (company, id),
    ADD INDEX ix_payment_intent (payment_intent_id),
    ADD INDEX ix_payment_invoice_id (invoice_id),
    ADD INDEX ix_payment_checkout_session (checkout_session_id);
