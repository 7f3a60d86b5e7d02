-- A version's link can be switched off for good (it was sent to the wrong person): such a link, like
-- one that never existed, finds nothing. A recalled or replaced version keeps its link, which then
-- tells the buyer the quote is being revised or was replaced (revoked_at keeps meaning "not live").
ALTER TABLE quote_version ADD COLUMN link_disabled_at DATETIME(6) NULL;

-- The timeline also records what is not a change of status (a countersignature); a detail says more.
ALTER TABLE quote_event MODIFY COLUMN status VARCHAR(20) NOT NULL;
ALTER TABLE quote_event ADD COLUMN detail VARCHAR(500) NULL;

-- Signatures on one published version: the buyer's, then the countersigner's. content_sha256 is the
-- SHA-256 of the version's frozen content exactly as stored, so a signature names what was signed.
-- One signature per role and version: a double submit records one.
CREATE TABLE quote_signature (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    quote           BIGINT        NOT NULL,
    version_no      INT           NOT NULL,
    role            VARCHAR(14)   NOT NULL,
    signer_name     VARCHAR(200)  NOT NULL,
    signer_email    VARCHAR(254)  NOT NULL,
    signed_at       DATETIME(6)   NOT NULL,
    client_address  VARCHAR(64)   NULL,
    user_agent      VARCHAR(500)  NULL,
    drawn_png       MEDIUMBLOB    NULL,
    content_sha256  CHAR(64)      NOT NULL,
    CONSTRAINT uk_quote_signature_role UNIQUE (quote, version_no, role),
    CONSTRAINT fk_quote_signature_version FOREIGN KEY (quote, version_no)
        REFERENCES quote_version (quote, version_no) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
