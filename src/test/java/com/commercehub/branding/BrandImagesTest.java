package com.commercehub.branding;

import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandImagesTest {

    static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x7a1fa2));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /** A PNG with a text chunk, as cameras and editors leave them (author, location, software). */
    static byte[] pngWithText(String keyword, String text) throws Exception {
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", keyword);
        entry.setAttribute("value", text);
        IIOMetadataNode chunk = new IIOMetadataNode("tEXt");
        chunk.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(chunk);
        metadata.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(image, null, metadata));
        }
        return out.toByteArray();
    }

    private static String refusal(byte[] upload, boolean square) {
        try {
            BrandImages.accept("logo", upload, square);
            return null;
        } catch (BrandingValidationException refused) {
            return refused.problems().get("logo").key();
        }
    }

    @Test
    void png_and_jpeg_are_accepted_and_stored_as_png() throws Exception {
        BrandImages.Encoded png = BrandImages.accept("logo", image("png", 400, 200), false);
        BrandImages.Encoded jpeg = BrandImages.accept("logo", image("jpeg", 300, 300), true);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(jpeg.png()))).isNotNull();
        assertThat(new String(jpeg.png(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        assertThat(png.width()).isEqualTo(400);
        assertThat(png.sha256()).hasSize(64).isNotEqualTo(jpeg.sha256());
    }

    @Test
    void webp_is_read_through_the_plugin() {
        assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
    }

    @Test
    void metadata_does_not_survive_the_re_encoding() throws Exception {
        byte[] upload = pngWithText("Author", "secret-location-53.55N");
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("secret-location-53.55N");
        byte[] stored = BrandImages.accept("logo", upload, true).png();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("secret-location").doesNotContain("tEXt");
    }

    @Test
    void an_svg_renamed_png_is_refused_by_its_content() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(refusal(svg, false)).isEqualTo("branding.image.format");
    }

    @Test
    void other_formats_and_garbage_are_refused() throws Exception {
        assertThat(refusal(image("gif", 300, 300), false)).isEqualTo("branding.image.format");
        assertThat(refusal(image("bmp", 300, 300), false)).isEqualTo("branding.image.format");
        assertThat(refusal("hello".getBytes(StandardCharsets.UTF_8), false)).isEqualTo("branding.image.format");
        assertThat(refusal(new byte[0], false)).isEqualTo("branding.image.empty");
    }

    @Test
    void an_image_over_one_megabyte_is_refused() throws Exception {
        // Noise does not compress: a 1200×1200 PNG of it is far past 1 MB.
        BufferedImage noise = new BufferedImage(1200, 1200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 1200; y++) {
            for (int x = 0; x < 1200; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", out);
        assertThat(out.size()).isGreaterThan(BrandImages.MAX_BYTES);
        assertThat(refusal(out.toByteArray(), false)).isEqualTo("branding.image.too-large");
    }

    @Test
    void dimensions_are_checked() throws Exception {
        assertThat(refusal(image("png", 127, 300), false)).isEqualTo("branding.image.too-small");
        assertThat(refusal(image("png", 4001, 200), false)).isEqualTo("branding.image.too-big");
        assertThat(refusal(image("png", 128, 4000), false)).isNull();
        assertThat(refusal(image("png", 300, 200), true)).isEqualTo("branding.image.not-square");
    }
}
