package com.commercehub.branding;

import com.commercehub.branding.BrandingSettings.CheckoutTexts;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrandingRulesTest {

    private static BrandingSettings with(String brand, String button, Map<String, CheckoutTexts> texts, String redirect) {
        return new BrandingSettings("Acme", null, null, brand, button, BrandFont.LATO, BrandingSettings.Corners.PILL,
                null, null, null, texts, BrandingSettings.BillingAddress.AUTO, false, false, "en", redirect);
    }

    @Test
    void the_defaults_pass() {
        assertThat(BrandingRules.problems(BrandingSettings.DEFAULTS)).isEmpty();
    }

    @Test
    void colours_must_be_six_digit_hex() {
        for (String bad : new String[]{"red", "#12345", "#1234567", "#gg0000", "123456", ""}) {
            assertThat(BrandingRules.problems(with(bad, "#000000", Map.of(), null)))
                    .as(bad).containsOnlyKeys("brandColor");
        }
        assertThat(BrandingRules.problems(with("#1F5FBF", "#abcdef", Map.of(), null))).isEmpty();
        assertThat(BrandingRules.problems(with("#1f5fbf", "blue", Map.of(), null)).get("buttonColor").key())
                .isEqualTo("branding.error.hex");
    }

    @Test
    void a_light_button_warns_with_its_ratio_a_dark_one_does_not() {
        BrandingSettings yellow = with("#1f5fbf", "#ffd400", Map.of(), null);
        assertThat(yellow.buttonContrast()).isLessThan(Contrast.AA).isGreaterThan(1.0);
        assertThat(Contrast.ratio("#ffffff", "#000000")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        // #767676 on white is the classic AA boundary (4.54:1).
        assertThat(Contrast.ratio("#767676", "#ffffff")).isGreaterThan(4.5).isLessThan(4.6);
        assertThat(with("#1f5fbf", "#1f5fbf", Map.of(), null).buttonContrast()).isGreaterThanOrEqualTo(Contrast.AA);
        // A warning, not a refusal: the settings still save.
        assertThat(BrandingRules.problems(yellow)).isEmpty();
    }

    @Test
    void a_checkout_text_over_1200_characters_is_refused_with_its_language_and_length() {
        String tooLong = "x".repeat(1201);
        var problems = BrandingRules.problems(with("#1f5fbf", "#1f5fbf",
                Map.of("de", new CheckoutTexts(null, null, tooLong, null)), null));
        assertThat(problems).containsOnlyKeys("terms.de");
        assertThat(problems.get("terms.de").arguments()).containsExactly(1200, 1201);
        assertThat(BrandingRules.problems(with("#1f5fbf", "#1f5fbf",
                Map.of("de", new CheckoutTexts("x".repeat(1200), null, null, null)), null))).isEmpty();
    }

    @Test
    void the_redirect_after_payment_must_be_https() {
        for (String bad : new String[]{"http://example.com/thanks", "javascript:alert(1)", "ftp://example.com", "https://", "example.com"}) {
            assertThat(BrandingRules.problems(with("#1f5fbf", "#1f5fbf", Map.of(), bad))).as(bad).containsOnlyKeys("redirectUrl");
        }
        assertThat(BrandingRules.problems(with("#1f5fbf", "#1f5fbf", Map.of(), "https://example.com/thanks"))).isEmpty();
    }

    @Test
    void texts_fall_back_to_the_default_language_field_by_field() {
        BrandingSettings settings = with("#1f5fbf", "#1f5fbf", Map.of(
                "en", new CheckoutTexts("Pay", "Thanks", "Terms", "Thank you"),
                "pl", new CheckoutTexts("Zapłać", null, null, null)), null);
        assertThat(settings.textsIn("pl")).isEqualTo(new CheckoutTexts("Zapłać", "Thanks", "Terms", "Thank you"));
        assertThat(settings.textsIn("it")).isEqualTo(settings.textsIn("en"));
    }

    @Test
    void changes_name_the_fields_that_differ() {
        BrandingSettings before = with("#1f5fbf", "#1f5fbf", Map.of(), null);
        BrandingSettings after = with("#1f5fbf", "#000000", Map.of("de", new CheckoutTexts("Zahlen", null, null, null)), null);
        assertThat(BrandingService.changes(before, after)).containsExactly("buttonColor", "texts.de");
    }

    @Test
    void the_theme_is_custom_properties_and_its_address_follows_its_content() {
        BrandingSettings settings = with("#0b3d2e", "#7a1fa2", Map.of(), null);
        assertThat(BrandTheme.css(settings)).contains("--brand: #0b3d2e;").contains("--button: #7a1fa2;")
                .contains("--radius: 999px;").contains("--font-family: Lato, sans-serif;");
        assertThat(BrandTheme.hash(settings)).isNotEqualTo(BrandTheme.hash(BrandingSettings.DEFAULTS));
    }
}
