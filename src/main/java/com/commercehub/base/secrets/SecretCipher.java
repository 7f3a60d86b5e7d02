package com.commercehub.base.secrets;

import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts secrets for storage with AES-256-GCM. Each value gets a fresh 96-bit nonce; the
 * {@code purpose} is bound in as associated data, so a ciphertext copied into another column does
 * not decrypt. Stored form: {@code v1:<base64(nonce || ciphertext+tag)>}.
 */
@Component
public class SecretCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(SecretProperties properties) {
        this.key = loadKey(properties);
    }

    public String encrypt(String purpose, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws SecretDecryptionException when the value was altered, is for another purpose, or another key */
    public String decrypt(String purpose, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new SecretDecryptionException("not an encrypted secret");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("not an encrypted secret");
        }
        if (all.length <= NONCE_BYTES) {
            throw new SecretDecryptionException("not an encrypted secret");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretDecryptionException("secret does not authenticate (wrong key or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** What may be shown of a secret once stored: its last four characters. */
    public static String lastFour(String secret) {
        if (secret == null || secret.length() < 8) {
            return "••••";
        }
        return "••••" + secret.substring(secret.length() - 4);
    }

    static SecretKey loadKey(SecretProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return fromBase64(properties.key().trim(), "HUB_SECRET_KEY");
        }
        Path file = properties.keyFile();
        if (file == null) {
            throw new IllegalStateException("No secret key: set HUB_SECRET_KEY or hub.secrets.key-file");
        }
        try {
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return fromBase64(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        String encoded;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            encoded = Base64.getEncoder().encodeToString(generator.generateKey().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
        // Another node starting at the same moment may win; then its key is the one both use.
        OwnerOnlyFiles.createIfAbsent(file, encoded + "\n");
    }

    static SecretKey fromBase64(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret key from " + source + " is not base64");
        }
        if (bytes.length != 32 && bytes.length != 16 && bytes.length != 24) {
            throw new IllegalStateException("The secret key from " + source + " must be 128, 192 or 256 bits");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
