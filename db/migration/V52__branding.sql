-- Checkout branding: every saved set of settings is a row (the newest is in force), so any earlier one can be
-- restored and the history says who changed what when. settings is the whole set as JSON; changes names the
-- fields that differ from the row before.
CREATE TABLE branding_version (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    saved_at    DATETIME(6)   NOT NULL,
    saved_by    VARCHAR(255)  NOT NULL,
    settings    MEDIUMTEXT    NOT NULL,
    changes     TEXT          NOT NULL,
    restored_from BIGINT      NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Logos and icons as re-encoded (metadata-free) PNG, addressed by the SHA-256 of those bytes: the address
-- changes with the content, so browsers may keep an image for a year.
CREATE TABLE branding_image (
    sha256      CHAR(64)      NOT NULL,
    content     MEDIUMBLOB    NOT NULL,
    width       INT           NOT NULL,
    height      INT           NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
