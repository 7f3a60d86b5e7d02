package com.commercehub.branding;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks an uploaded logo or icon by its content (PNG, JPEG or WebP — whatever the file is called; SVG never,
 * it can carry script), its size and its dimensions, and re-encodes it as PNG: only the pixels survive, so
 * EXIF (locations, camera serials), comments and anything smuggled after the image data are gone.
 */
final class BrandImages {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MIN_SIDE = 128;
    static final int MAX_SIDE = 4000;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "webp");

    /** A re-encoded image and the SHA-256 (hex) of its PNG bytes, which names it. */
    record Encoded(String sha256, byte[] png, int width, int height) {
    }

    private BrandImages() {
    }

    /** The re-encoded image, or a refusal for the field {@code field} with the reason. */
    static Encoded accept(String field, byte[] upload, boolean square) {
        if (upload == null || upload.length == 0) {
            throw refused(field, "branding.image.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw refused(field, "branding.image.too-large", MAX_BYTES / 1024);
        }
        BufferedImage image = decode(field, upload);
        int width = image.getWidth();
        int height = image.getHeight();
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw refused(field, "branding.image.too-small", MIN_SIDE, width, height);
        }
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw refused(field, "branding.image.too-big", MAX_SIDE, width, height);
        }
        if (square && width != height) {
            throw refused(field, "branding.image.not-square", width, height);
        }
        byte[] png = png(image);
        return new Encoded(com.commercehub.base.secrets.Sha256.hex(png), png, width, height);
    }

    private static BufferedImage decode(String field, byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refused(field, "branding.image.format");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!FORMATS.contains(format.equals("jpg") ? "jpeg" : format)) {
                    throw refused(field, "branding.image.format");
                }
                reader.setInput(in, true, true);
                // Dimensions from the header first: a 1 MB file can claim a huge canvas that would exhaust memory.
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw refused(field, "branding.image.too-big", MAX_SIDE, reader.getWidth(0), reader.getHeight(0));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof BrandingValidationException refusal) {
                throw refusal;
            }
            throw refused(field, "branding.image.format");
        }
    }

    private static byte[] png(BufferedImage image) {
        BufferedImage pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        var graphics = pixels.createGraphics();
        graphics.drawImage(image, 0, 0, null);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(pixels, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BrandingValidationException refused(String field, String key, Object... arguments) {
        return new BrandingValidationException(Map.of(field, new BrandingValidationException.Problem(key, arguments)));
    }
}
