package com.commercehub.branding.ui;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Role;
import com.commercehub.branding.BrandFont;
import com.commercehub.branding.BrandingDrafts;
import com.commercehub.branding.BrandingRules;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.branding.BrandingSettings.CheckoutTexts;
import com.commercehub.branding.BrandingValidationException;
import com.commercehub.branding.BrandingVersion;
import com.commercehub.branding.Contrast;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.commercehub.base.ui.SizeLimitedUpload;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Settings → Branding (ADMIN): every field of {@link BrandingSettings}, beside a preview that follows each change
 * before it is saved — the buyer quote page (the real template, a sample quote, in a frame) and the checkout
 * summary, at desktop or phone width, in any of the six languages. Save makes a version, Revert goes back to
 * the saved one, the history restores any earlier version.
 */
@Route("settings/branding")
@Menu(order = 83, icon = "vaadin:palette", title = "branding.nav")
@RolesAllowed(Role.Names.ADMIN)
public class BrandingSettingsView extends HorizontalLayout implements HasDynamicTitle {

    static final String DESKTOP = "1000px";
    static final String PHONE = "390px";

    final TextField displayName = new TextField();
    final Upload logoUpload = new Upload();
    final Upload iconUpload = new Upload();
    final Image logoShown = new Image();
    final Image iconShown = new Image();
    final Button removeLogo = new Button();
    final Button removeIcon = new Button();
    final TextField brandColor = new TextField();
    final TextField buttonColor = new TextField();
    final Span contrastWarning = new Span();
    final ComboBox<BrandFont> font = new ComboBox<>();
    final Select<BrandingSettings.Corners> corners = new Select<>();
    final TextArea businessAddress = new TextArea();
    final EmailField supportEmail = new EmailField();
    final TextField supportPhone = new TextField();
    final Select<String> textsLanguage = new Select<>();
    final TextArea submitText = new TextArea();
    final TextArea afterSubmitText = new TextArea();
    final TextArea termsText = new TextArea();
    final TextArea thankYouText = new TextArea();
    final Select<BrandingSettings.BillingAddress> billingAddress = new Select<>();
    final Checkbox collectPhone = new Checkbox();
    final Checkbox allowPromotionCodes = new Checkbox();
    final Select<String> defaultLanguage = new Select<>();
    final RadioButtonGroup<Boolean> redirectAfterPayment = new RadioButtonGroup<>();
    final TextField redirectUrl = new TextField();
    final Button save = new Button();
    final Button revert = new Button();

    final IFrame preview = new IFrame();
    final Select<String> previewLanguage = new Select<>();
    final RadioButtonGroup<String> previewWidth = new RadioButtonGroup<>();
    final Div checkoutSummary = new Div();
    final Span summaryName = new Span();
    final Paragraph summarySubmit = new Paragraph();
    final Paragraph summaryTerms = new Paragraph();
    final Button summaryPay = new Button();
    final Grid<BrandingVersion> history = new Grid<>();

    private final BrandingService branding;
    private final BrandingDrafts drafts;
    private final Map<String, CheckoutTexts> texts = new LinkedHashMap<>();
    private BrandingVersion saved;
    private String logo;
    private String icon;
    private String draftId;
    private String shownTextsLanguage;
    private boolean showing;
    private int previewCount;

    BrandingSettingsView(BrandingService branding, BrandingDrafts drafts) {
        this.branding = branding;
        this.drafts = drafts;
        setWidthFull();
        setAlignItems(Alignment.START);
        List<String> languages = BrandingRules.languageTags().toList();

        displayName.setLabel(getTranslation("branding.display-name"));
        displayName.setMaxLength(100);
        brandColor.setId("brand-color");
        brandColor.setLabel(getTranslation("branding.brand-color"));
        brandColor.setPlaceholder("#1f5fbf");
        buttonColor.setLabel(getTranslation("branding.button-color"));
        buttonColor.setPlaceholder("#1f5fbf");
        contrastWarning.addClassName("contrast-warning");
        contrastWarning.getStyle().set("color", "var(--lumo-error-text-color)");
        font.setId("brand-font");
        font.setLabel(getTranslation("branding.font"));
        font.setItems(BrandFont.values());
        font.setItemLabelGenerator(BrandFont::displayName);
        corners.setLabel(getTranslation("branding.corners"));
        corners.setItems(BrandingSettings.Corners.values());
        corners.setItemLabelGenerator(c -> getTranslation("branding.corners." + c.stripeValue()));
        businessAddress.setLabel(getTranslation("branding.address"));
        businessAddress.setMaxLength(500);
        supportEmail.setLabel(getTranslation("branding.support-email"));
        supportPhone.setLabel(getTranslation("branding.support-phone"));
        textsLanguage.setLabel(getTranslation("branding.texts-language"));
        textsLanguage.setItems(languages);
        textsLanguage.setItemLabelGenerator(BrandingSettingsView::languageName);
        for (TextArea text : List.of(submitText, afterSubmitText, termsText, thankYouText)) {
            text.setMaxLength(BrandingSettings.MAX_TEXT + 200);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.setWidthFull();
        }
        submitText.setLabel(getTranslation("branding.text.submit"));
        afterSubmitText.setLabel(getTranslation("branding.text.after-submit"));
        termsText.setLabel(getTranslation("branding.text.terms"));
        thankYouText.setLabel(getTranslation("branding.text.thank-you"));
        billingAddress.setLabel(getTranslation("branding.billing-address"));
        billingAddress.setItems(BrandingSettings.BillingAddress.values());
        billingAddress.setItemLabelGenerator(b -> getTranslation("branding.billing-address." + b.name().toLowerCase(Locale.ROOT)));
        collectPhone.setLabel(getTranslation("branding.collect-phone"));
        allowPromotionCodes.setLabel(getTranslation("branding.promotion-codes"));
        defaultLanguage.setLabel(getTranslation("branding.default-language"));
        defaultLanguage.setItems(languages);
        defaultLanguage.setItemLabelGenerator(BrandingSettingsView::languageName);
        redirectAfterPayment.setLabel(getTranslation("branding.after-payment"));
        redirectAfterPayment.setItems(false, true);
        redirectAfterPayment.setItemLabelGenerator(r -> getTranslation(r ? "branding.after-payment.redirect"
                : "branding.after-payment.thank-you"));
        redirectUrl.setLabel(getTranslation("branding.redirect-url"));
        redirectUrl.setPlaceholder("https://");
        for (TextField field : List.of(displayName, brandColor, buttonColor, supportPhone, redirectUrl)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
        }
        supportEmail.setValueChangeMode(ValueChangeMode.LAZY);
        businessAddress.setValueChangeMode(ValueChangeMode.LAZY);

        logoUpload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        logoUpload.setMaxFiles(1);
        logoUpload.setUploadHandler(SizeLimitedUpload.inMemory(BrandingService.MAX_IMAGE_BYTES, (metadata, data) ->
                getUI().ifPresent(ui -> ui.access(() -> uploaded("logo", data))), this::imageTooLarge));
        iconUpload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        iconUpload.setMaxFiles(1);
        iconUpload.setUploadHandler(SizeLimitedUpload.inMemory(BrandingService.MAX_IMAGE_BYTES, (metadata, data) ->
                getUI().ifPresent(ui -> ui.access(() -> uploaded("icon", data))), this::imageTooLarge));
        logoShown.setMaxHeight("56px");
        iconShown.setMaxHeight("56px");
        removeLogo.setText(getTranslation("branding.image.remove"));
        removeLogo.addClickListener(e -> {
            logo = null;
            changed();
        });
        removeIcon.setText(getTranslation("branding.image.remove"));
        removeIcon.addClickListener(e -> {
            icon = null;
            changed();
        });

        FormLayout form = new FormLayout();
        form.add(displayName, defaultLanguage);
        form.add(labelled("branding.logo", logoShown, logoUpload, removeLogo), labelled("branding.icon", iconShown, iconUpload, removeIcon));
        form.add(brandColor, buttonColor, contrastWarning, font, corners, businessAddress, supportEmail, supportPhone);
        form.setColspan(contrastWarning, 2);
        form.add(new H3(getTranslation("branding.checkout")), textsLanguage);
        form.add(submitText, afterSubmitText, termsText, thankYouText);
        form.add(billingAddress, collectPhone, allowPromotionCodes, redirectAfterPayment, redirectUrl);

        save.setId("branding-save");
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        revert.setText(getTranslation("branding.revert"));
        revert.addClickListener(e -> show(branding.currentVersion()));

        history.addColumn(v -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneOffset.UTC).format(v.savedAt())).setHeader(getTranslation("branding.history.when")).setAutoWidth(true);
        history.addColumn(BrandingVersion::savedBy).setHeader(getTranslation("branding.history.who")).setAutoWidth(true);
        history.addColumn(v -> v.restoredFrom() != null ? getTranslation("branding.history.restored", v.restoredFrom())
                : String.join(", ", v.changes())).setHeader(getTranslation("branding.history.what")).setFlexGrow(1);
        history.addComponentColumn(v -> {
            Button restore = new Button(getTranslation("branding.history.restore"), e -> restore(v));
            restore.setEnabled(saved == null || v.id() != saved.id());
            return restore;
        }).setKey("restore").setHeader("").setAutoWidth(true);
        history.setItems(query -> branding.history(query.getOffset(), query.getLimit()).stream());
        history.setAllRowsVisible(true);

        VerticalLayout left = new VerticalLayout(new H2(getTranslation("branding.title")), form,
                new HorizontalLayout(save, revert), new H3(getTranslation("branding.history")), history);
        left.setWidth("50%");

        previewLanguage.setLabel(getTranslation("branding.preview.language"));
        previewLanguage.setItems(languages);
        previewLanguage.setItemLabelGenerator(BrandingSettingsView::languageName);
        previewLanguage.setValue("en");
        previewWidth.setItems(DESKTOP, PHONE);
        previewWidth.setItemLabelGenerator(w -> getTranslation(DESKTOP.equals(w) ? "branding.preview.desktop" : "branding.preview.phone"));
        previewWidth.setValue(DESKTOP);
        previewWidth.addValueChangeListener(e -> preview.setWidth(e.getValue()));
        previewLanguage.addValueChangeListener(e -> refreshPreview());
        preview.setWidth(DESKTOP);
        preview.setMaxWidth("100%");
        preview.setHeight("640px");
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "#fff");
        summaryPay.setWidthFull();
        checkoutSummary.setId("checkout-summary");
        preview.setId("branding-preview");
        checkoutSummary.add(summaryName, summarySubmit, summaryTerms, summaryPay);
        checkoutSummary.getStyle().set("padding", "1rem").set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("max-width", "26rem");
        summaryName.getStyle().set("font-weight", "700").set("display", "block");
        VerticalLayout right = new VerticalLayout(new H3(getTranslation("branding.preview")),
                new HorizontalLayout(previewLanguage, previewWidth), preview,
                new H3(getTranslation("branding.preview.checkout")), checkoutSummary);
        right.setWidth("50%");
        add(left, right);

        for (var field : List.of(displayName, brandColor, buttonColor, supportPhone, redirectUrl)) {
            field.addValueChangeListener(e -> changed());
        }
        supportEmail.addValueChangeListener(e -> changed());
        businessAddress.addValueChangeListener(e -> changed());
        font.addValueChangeListener(e -> changed());
        corners.addValueChangeListener(e -> changed());
        billingAddress.addValueChangeListener(e -> changed());
        collectPhone.addValueChangeListener(e -> changed());
        allowPromotionCodes.addValueChangeListener(e -> changed());
        defaultLanguage.addValueChangeListener(e -> changed());
        redirectAfterPayment.addValueChangeListener(e -> {
            redirectUrl.setEnabled(Boolean.TRUE.equals(e.getValue()));
            changed();
        });
        for (TextArea text : List.of(submitText, afterSubmitText, termsText, thankYouText)) {
            text.addValueChangeListener(e -> changed());
        }
        textsLanguage.addValueChangeListener(e -> {
            keepShownTexts();
            showTexts(e.getValue());
        });
        show(branding.currentVersion());
    }

    private static Div labelled(String key, com.vaadin.flow.component.Component... parts) {
        Div box = new Div();
        Span label = new Span(box.getTranslation(key));
        label.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
        box.add(label);
        box.add(parts);
        return box;
    }

    private static String languageName(String tag) {
        return Messages.languageName(Locale.forLanguageTag(tag));
    }

    private void show(BrandingVersion version) {
        showing = true;
        saved = version;
        BrandingSettings s = version.settings();
        displayName.setValue(orEmpty(s.displayName()));
        logo = s.logo();
        icon = s.icon();
        brandColor.setValue(orEmpty(s.brandColor()));
        buttonColor.setValue(orEmpty(s.buttonColor()));
        font.setValue(s.font());
        corners.setValue(s.corners());
        businessAddress.setValue(orEmpty(s.businessAddress()));
        supportEmail.setValue(orEmpty(s.supportEmail()));
        supportPhone.setValue(orEmpty(s.supportPhone()));
        texts.clear();
        texts.putAll(s.texts());
        billingAddress.setValue(s.billingAddress());
        collectPhone.setValue(s.collectPhone());
        allowPromotionCodes.setValue(s.allowPromotionCodes());
        defaultLanguage.setValue(s.defaultLanguage());
        redirectAfterPayment.setValue(s.redirectUrl() != null);
        redirectUrl.setValue(orEmpty(s.redirectUrl()));
        redirectUrl.setEnabled(s.redirectUrl() != null);
        shownTextsLanguage = null;
        textsLanguage.setValue(s.defaultLanguage());
        showTexts(s.defaultLanguage());
        for (HasValidation field : List.<HasValidation>of(displayName, brandColor, buttonColor, businessAddress,
                supportEmail, supportPhone, submitText, afterSubmitText, termsText, thankYouText, redirectUrl, defaultLanguage)) {
            field.setInvalid(false);
        }
        showing = false;
        history.getDataProvider().refreshAll();
        changed();
    }

    private void showTexts(String language) {
        boolean wasShowing = showing;
        showing = true;
        CheckoutTexts shown = texts.getOrDefault(language, CheckoutTexts.NONE);
        submitText.setValue(orEmpty(shown.submit()));
        afterSubmitText.setValue(orEmpty(shown.afterSubmit()));
        termsText.setValue(orEmpty(shown.terms()));
        thankYouText.setValue(orEmpty(shown.thankYou()));
        shownTextsLanguage = language;
        showing = wasShowing;
    }

    private void keepShownTexts() {
        if (shownTextsLanguage != null) {
            CheckoutTexts edited = new CheckoutTexts(submitText.getValue(), afterSubmitText.getValue(),
                    termsText.getValue(), thankYouText.getValue());
            if (edited.equals(CheckoutTexts.NONE)) {
                texts.remove(shownTextsLanguage);
            } else {
                texts.put(shownTextsLanguage, edited);
            }
        }
    }

    /** The settings as the form holds them now (saved or not). */
    BrandingSettings edited() {
        keepShownTexts();
        return new BrandingSettings(displayName.getValue(), logo, icon, brandColor.getValue(), buttonColor.getValue(),
                font.getValue(), corners.getValue(), businessAddress.getValue(), supportEmail.getValue(),
                supportPhone.getValue(), texts, billingAddress.getValue(), collectPhone.getValue(),
                allowPromotionCodes.getValue(), defaultLanguage.getValue(),
                Boolean.TRUE.equals(redirectAfterPayment.getValue()) ? redirectUrl.getValue() : null);
    }

    private void changed() {
        if (showing) {
            return;
        }
        BrandingSettings draft = edited();
        showImages();
        String button = draft.buttonColor();
        if (Contrast.isHex(button) && draft.buttonContrast() < Contrast.AA) {
            contrastWarning.setText(getTranslation("branding.contrast-warning",
                    String.format(getLocale(), "%.2f", draft.buttonContrast())));
            contrastWarning.setVisible(true);
        } else {
            contrastWarning.setText("");
            contrastWarning.setVisible(false);
        }
        brandColor.setInvalid(!Contrast.isHex(draft.brandColor()));
        brandColor.setErrorMessage(getTranslation("branding.error.hex"));
        buttonColor.setInvalid(!Contrast.isHex(draft.buttonColor()));
        buttonColor.setErrorMessage(getTranslation("branding.error.hex"));
        draftId = drafts.put(draftId, draft);
        refreshPreview();
    }

    private void showImages() {
        logoShown.setVisible(logo != null);
        logoShown.setSrc(logo == null ? "" : "buyer/brand/image/" + logo + ".png");
        removeLogo.setVisible(logo != null);
        iconShown.setVisible(icon != null);
        iconShown.setSrc(icon == null ? "" : "buyer/brand/image/" + icon + ".png");
        removeIcon.setVisible(icon != null);
    }

    private void refreshPreview() {
        if (draftId == null) {
            return;
        }
        BrandingSettings draft = drafts.get(draftId).orElseGet(this::edited);
        String language = previewLanguage.getValue();
        preview.setSrc("staff/branding/preview?draft=" + draftId + "&lang=" + language + "&n=" + (++previewCount));
        CheckoutTexts shown = draft.textsIn(language);
        Locale locale = Locale.forLanguageTag(language);
        summaryName.setText(draft.displayName() == null ? "" : draft.displayName());
        summarySubmit.setText(orEmpty(shown.submit()));
        summaryTerms.setText(orEmpty(shown.terms()));
        summaryPay.setText(getTranslation(locale, "branding.preview.pay"));
        String background = Contrast.isHex(draft.brandColor()) ? draft.brandColor() : BrandingSettings.DEFAULTS.brandColor();
        String buttonBackground = Contrast.isHex(draft.buttonColor()) ? draft.buttonColor() : BrandingSettings.DEFAULTS.buttonColor();
        checkoutSummary.getStyle().set("border-top", "6px solid " + background).set("font-family", draft.font().cssStack());
        summaryPay.getStyle().set("background", buttonBackground).set("color", Contrast.BUTTON_TEXT)
                .set("border-radius", draft.corners().radius()).set("font-family", "inherit");
    }

    private void imageTooLarge() {
        getUI().ifPresent(ui -> ui.access(() ->
                error(getTranslation("branding.image.too-large", BrandingService.MAX_IMAGE_BYTES / 1024))));
    }

    private void uploaded(String field, byte[] data) {
        try {
            String sha256 = branding.upload(field, data, "icon".equals(field));
            if ("icon".equals(field)) {
                icon = sha256;
            } else {
                logo = sha256;
            }
            changed();
        } catch (BrandingValidationException refused) {
            refused.problems().values().forEach(problem -> error(getTranslation(problem.key(), problem.arguments())));
        }
    }

    private void save() {
        BrandingSettings settings = edited();
        try {
            show(branding.save(saved.id(), settings));
            ok(getTranslation("branding.saved"));
        } catch (BrandingValidationException refused) {
            showProblems(refused);
        } catch (OptimisticLockingFailureException stale) {
            error(getTranslation("branding.stale"));
        }
    }

    private void restore(BrandingVersion version) {
        try {
            show(branding.restore(saved.id(), version.id()));
            ok(getTranslation("branding.restored", version.id()));
        } catch (OptimisticLockingFailureException stale) {
            error(getTranslation("branding.stale"));
        }
    }

    private void showProblems(BrandingValidationException refused) {
        Map<String, HasValidation> fields = Map.of("displayName", displayName, "brandColor", brandColor,
                "buttonColor", buttonColor, "businessAddress", businessAddress, "supportEmail", supportEmail,
                "supportPhone", supportPhone, "redirectUrl", redirectUrl, "defaultLanguage", defaultLanguage);
        Map<String, HasValidation> textFields = Map.of("submit", submitText, "afterSubmit", afterSubmitText,
                "terms", termsText, "thankYou", thankYouText);
        refused.problems().forEach((field, problem) -> {
            String message = getTranslation(problem.key(), problem.arguments());
            int dot = field.indexOf('.');
            if (dot > 0 && textFields.containsKey(field.substring(0, dot))) {
                String language = field.substring(dot + 1);
                if (!language.equals(textsLanguage.getValue())) {
                    textsLanguage.setValue(language);
                }
                HasValidation text = textFields.get(field.substring(0, dot));
                text.setErrorMessage(message);
                text.setInvalid(true);
            } else if (fields.containsKey(field)) {
                fields.get(field).setErrorMessage(message);
                fields.get(field).setInvalid(true);
            } else {
                error(message);
            }
        });
    }

    private static void ok(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    String draftId() {
        return draftId;
    }

    BrandingVersion saved() {
        return saved;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("branding.title");
    }
}
