-- A buyer may pay part of an invoice that allows it: the open session is for the amount they chose, which is
-- kept beside the amount due it was made at, so the same choice again finds the same session.
ALTER TABLE invoice_checkout ADD COLUMN amount DECIMAL(19, 4) NULL AFTER amount_due;
