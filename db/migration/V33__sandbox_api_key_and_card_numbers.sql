-- The built-in sandbox's own secret API key, generated on first start (unless SANDBOX_API_KEY is set),
-- AES-GCM encrypted with the installation's key. One row.
CREATE TABLE sandbox_api_key (
    id         INT         NOT NULL PRIMARY KEY,
    key_enc    TEXT        NOT NULL,
    created_at DATETIME(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Sandbox payment methods kept the whole card number typed on the hosted pages. Keep only which test card it
-- was (its outcome), while brand and last four stay in "card". A number that was no test card can never pay.
UPDATE sandbox_object
SET body = JSON_REMOVE(JSON_SET(body, '$._test_card',
        CASE JSON_VALUE(body, '$._number')
            WHEN '4242424242424242' THEN 'SUCCESS'
            WHEN '5555555555554444' THEN 'SUCCESS'
            WHEN '378282246310005' THEN 'SUCCESS'
            WHEN '4000000000000077' THEN 'AVAILABLE_IMMEDIATELY'
            WHEN '4000000000000002' THEN 'GENERIC_DECLINE'
            WHEN '4000000000009995' THEN 'INSUFFICIENT_FUNDS'
            WHEN '4000000000000069' THEN 'EXPIRED'
            WHEN '4000000000000127' THEN 'INCORRECT_CVC'
            WHEN '4000000000000119' THEN 'PROCESSING_ERROR'
            WHEN '4000002760003184' THEN 'THREE_DS_ALWAYS'
            WHEN '4000002500003155' THEN 'THREE_DS_UNLESS_SET_UP'
            WHEN '4000000000000259' THEN 'DISPUTE_LATER'
            WHEN '4000000000000341' THEN 'CHARGES_FAIL'
            ELSE 'INCORRECT_NUMBER'
        END), '$._number')
WHERE JSON_EXISTS(body, '$._number');

-- A write replayed by Idempotency-Key could have carried an expanded card number in its stored answer.
UPDATE sandbox_idempotency
SET response_body = REGEXP_REPLACE(response_body, '"number":"[0-9]{12,19}"', '"number":null')
WHERE response_body REGEXP '"number":"[0-9]{12,19}"';
