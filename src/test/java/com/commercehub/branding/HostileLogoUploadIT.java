package com.commercehub.branding;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploads (docs/RELIABILITY.md, "Hostile input"): oversized and wrong-type logos go through the service an admin's
 * upload reaches and are refused with the reason under the field; no image is stored and the branding in force
 * is the same afterwards.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "admin@example.com", roles = "ADMIN")
class HostileLogoUploadIT {

    @Autowired
    BrandingService branding;
    @Autowired
    JdbcClient jdbc;

    private long images() {
        return jdbc.sql("SELECT COUNT(*) FROM branding_image").query(Long.class).single();
    }

    @Test
    void oversized_and_wrong_type_logos_are_refused_with_the_reason_and_nothing_is_stored() throws Exception {
        Map<String, byte[]> uploads = new LinkedHashMap<>();
        uploads.put("branding.image.too-large", noisePng(1200));
        uploads.put("branding.image.format", ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"512\" height=\"512\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8));
        uploads.put("branding.image.empty", new byte[0]);
        uploads.put("branding.image.too-big", plain("png", 4001, 300));
        byte[] gif = plain("gif", 300, 300);
        byte[] html = "<html><body onload=alert(1)>".getBytes(StandardCharsets.UTF_8);
        long imagesBefore = images();
        long versionBefore = branding.currentVersion().id();

        for (var upload : uploads.entrySet()) {
            assertThat(refusal(upload.getValue())).as(upload.getKey()).isEqualTo(upload.getKey());
        }
        assertThat(refusal(gif)).isEqualTo("branding.image.format");
        assertThat(refusal(html)).isEqualTo("branding.image.format");

        assertThat(images()).isEqualTo(imagesBefore);
        assertThat(branding.currentVersion().id()).isEqualTo(versionBefore);
    }

    private String refusal(byte[] content) {
        BrandingValidationException refused = catchThrowableOfType(BrandingValidationException.class,
                () -> branding.upload("logo", content, false));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().get("logo").key();
    }

    private static byte[] noisePng(int side) throws IOException {
        BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(3);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(noise, "png", out);
        assertThat(out.size()).isGreaterThan(BrandingService.MAX_IMAGE_BYTES);
        return out.toByteArray();
    }

    private static byte[] plain(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }
}
