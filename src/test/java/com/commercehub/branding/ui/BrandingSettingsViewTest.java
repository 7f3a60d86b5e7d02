package com.commercehub.branding.ui;

import com.commercehub.base.security.Role;
import com.commercehub.branding.BrandFont;
import com.commercehub.branding.BrandingDrafts;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.branding.BrandingVersion;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandingSettingsViewTest extends KaribuTest {

    @Autowired
    BrandingService branding;
    @Autowired
    BrandingDrafts drafts;

    /** Tests share one database: leave the defaults in force for the next. */
    @AfterEach
    void defaultsAgain() {
        AsAdmin.call(() -> branding.save(branding.currentVersion().id(), BrandingSettings.DEFAULTS));
    }

    private BrandingSettingsView open() {
        login("ada@example.com", Role.ADMIN);
        navigate("settings/branding");
        return _get(BrandingSettingsView.class);
    }

    @Test
    void only_an_admin_can_open_the_branding_settings() {
        login("sam@example.com", Role.SALES);
        assertThatThrownBy(() -> navigate("settings/branding")).hasMessageContaining("Access is denied");
        login("fin@example.com", Role.FINANCE);
        assertThatThrownBy(() -> navigate("settings/branding")).hasMessageContaining("Access is denied");
    }

    @Test
    void the_preview_follows_each_change_before_it_is_saved() {
        BrandingSettingsView view = open();
        String firstFrame = view.preview.getSrc();
        view.brandColor.setValue("#0b3d2e");
        view.font.setValue(BrandFont.LORA);
        view.textsLanguage.setValue("de");
        view.submitText.setValue("Jetzt zahlen");
        view.previewLanguage.setValue("de");

        assertThat(view.preview.getSrc()).isNotEqualTo(firstFrame).contains("draft=" + view.draftId()).contains("lang=de");
        BrandingSettings draft = drafts.get(view.draftId()).orElseThrow();
        assertThat(draft.brandColor()).isEqualTo("#0b3d2e");
        assertThat(draft.font()).isEqualTo(BrandFont.LORA);
        assertThat(view.summarySubmit.getText()).isEqualTo("Jetzt zahlen");
        assertThat(view.checkoutSummary.getStyle().get("font-family")).contains("Lora");
        // Nothing is saved yet.
        assertThat(branding.current().brandColor()).isNotEqualTo("#0b3d2e");

        view.previewWidth.setValue(BrandingSettingsView.PHONE);
        assertThat(view.preview.getWidth()).isEqualTo("390px");
    }

    @Test
    void a_light_button_colour_shows_the_contrast_warning_with_the_ratio() {
        BrandingSettingsView view = open();
        view.buttonColor.setValue("#ffd400");
        assertThat(view.contrastWarning.isVisible()).isTrue();
        assertThat(view.contrastWarning.getText()).contains("1.").contains(":1").contains("4.5:1");
        view.buttonColor.setValue("#1f3f7f");
        assertThat(view.contrastWarning.isVisible()).isFalse();
    }

    @Test
    void save_makes_a_version_and_bad_input_is_refused_next_to_the_field() {
        BrandingSettingsView view = open();
        long before = view.saved().id();
        view.brandColor.setValue("green");
        ButtonKt._click(view.save);
        assertThat(view.brandColor.isInvalid()).isTrue();
        assertThat(branding.currentVersion().id()).isEqualTo(before);

        view.brandColor.setValue("#0B3D2E");
        view.redirectAfterPayment.setValue(true);
        view.redirectUrl.setValue("http://example.com/thanks");
        ButtonKt._click(view.save);
        assertThat(view.redirectUrl.isInvalid()).isTrue();
        assertThat(view.redirectUrl.getErrorMessage()).contains("https://");

        view.redirectUrl.setValue("https://example.com/thanks");
        view.displayName.setValue("Nordlicht Studio");
        ButtonKt._click(view.save);
        BrandingVersion saved = branding.currentVersion();
        assertThat(saved.id()).isGreaterThan(before);
        assertThat(saved.savedBy()).isEqualTo("ada@example.com");
        assertThat(saved.settings().brandColor()).isEqualTo("#0b3d2e");
        assertThat(saved.settings().redirectUrl()).isEqualTo("https://example.com/thanks");
        assertThat(saved.changes()).contains("brandColor", "displayName", "redirectUrl");
    }

    @Test
    void revert_goes_back_to_the_saved_settings() {
        BrandingSettingsView view = open();
        String savedColor = view.brandColor.getValue();
        view.brandColor.setValue("#123456");
        view.displayName.setValue("Not kept");
        ButtonKt._click(view.revert);
        assertThat(view.brandColor.getValue()).isEqualTo(savedColor);
        assertThat(view.displayName.getValue()).isNotEqualTo("Not kept");
        assertThat(drafts.get(view.draftId()).orElseThrow().brandColor()).isEqualTo(savedColor);
    }

    @Test
    void an_earlier_version_is_restored_from_the_history() {
        BrandingSettingsView view = open();
        view.buttonColor.setValue("#7a1fa2");
        ButtonKt._click(view.save);
        long purple = branding.currentVersion().id();
        view.buttonColor.setValue("#0b3d2e");
        ButtonKt._click(view.save);
        assertThat(branding.current().buttonColor()).isEqualTo("#0b3d2e");

        int row = 0;
        while (GridKt._get(view.history, row).id() != purple) {
            row++;
        }
        Button restore = (Button) GridKt._getCellComponent(view.history, row, "restore");
        ButtonKt._click(restore);

        BrandingVersion now = branding.currentVersion();
        assertThat(now.settings().buttonColor()).isEqualTo("#7a1fa2");
        assertThat(now.restoredFrom()).isEqualTo(purple);
        assertThat(view.buttonColor.getValue()).isEqualTo("#7a1fa2");
    }
}
