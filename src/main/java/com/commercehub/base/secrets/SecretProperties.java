package com.commercehub.base.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the key that encrypts stored secrets comes from.
 *
 * @param key     base64 of a 256-bit AES key ({@code HUB_SECRET_KEY}); blank means the key file
 * @param keyFile created on first start with owner-only permissions ({@code HUB_DATA_DIR}/secret.key)
 */
@ConfigurationProperties(prefix = "hub.secrets")
public record SecretProperties(String key, Path keyFile) {
}
