package com.commercehub.quote;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What a buyer's signature must have: a real name, a plausible e-mail, consent, and a mark. */
final class SignatureRules {

    static final int MAX_NAME = 200;
    static final int MAX_PNG_BYTES = 512 * 1024;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private SignatureRules() {
    }

    /** Refuses the input with every problem, field by field; nothing is recorded then. */
    static void check(BuyerSignatureInput input) {
        Map<SignatureRejectedException.Field, String> problems = new EnumMap<>(SignatureRejectedException.Field.class);
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.put(SignatureRejectedException.Field.NAME, "buyer.sign.name.required");
        } else if (name.length() > MAX_NAME) {
            problems.put(SignatureRejectedException.Field.NAME, "buyer.sign.name.too-long");
        }
        String email = input.email() == null ? "" : input.email().strip();
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.put(SignatureRejectedException.Field.EMAIL, "buyer.sign.email.invalid");
        }
        if (!input.consent()) {
            problems.put(SignatureRejectedException.Field.CONSENT, "buyer.sign.consent.required");
        }
        if (!input.typed()) {
            String problem = drawingProblem(input.drawnPng());
            if (problem != null) {
                problems.put(SignatureRejectedException.Field.SIGNATURE, problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new SignatureRejectedException(problems);
        }
    }

    /** A drawn signature is a PNG of sensible size with at least some visible ink. */
    private static String drawingProblem(byte[] png) {
        if (png == null || png.length < PNG_MAGIC.length) {
            return "buyer.sign.signature.required";
        }
        if (png.length > MAX_PNG_BYTES) {
            return "buyer.sign.signature.too-large";
        }
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (png[i] != PNG_MAGIC[i]) {
                return "buyer.sign.signature.required";
            }
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            return image != null && hasInk(image) ? null : "buyer.sign.signature.required";
        } catch (IOException | RuntimeException unreadable) {
            return "buyer.sign.signature.required";
        }
    }

    private static boolean hasInk(BufferedImage image) {
        if (image.getWidth() > 4000 || image.getHeight() > 4000) {
            return false;
        }
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                int brightness = ((argb >> 16 & 0xff) + (argb >> 8 & 0xff) + (argb & 0xff)) / 3;
                if (alpha > 64 && brightness < 200 && ++inked >= 20) {
                    return true;
                }
            }
        }
        return false;
    }
}
