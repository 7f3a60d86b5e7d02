package com.commercehub.buyer;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.money.MoneyFormatter;
import com.commercehub.base.security.Role;
import com.commercehub.branding.BrandLook;
import com.commercehub.branding.BrandingDrafts;
import com.commercehub.branding.BrandingSettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The branding settings page's preview: a sample quote rendered by the real buyer template with an unsaved draft
 * of the settings ({@link BrandingDrafts}), in the language asked for. ADMIN only, like the settings page.
 */
@Controller
class BrandingPreviewDocument {

    static final String PATH = "/staff/branding/preview";

    private final BrandingDrafts drafts;
    private final BuyerTemplates templates;
    private final SellerProfile seller;
    private final Messages messages;

    BrandingPreviewDocument(BrandingDrafts drafts, BuyerTemplates templates, SellerProfile seller, Messages messages) {
        this.drafts = drafts;
        this.templates = templates;
        this.seller = seller;
        this.messages = messages;
    }

    @GetMapping(PATH)
    ResponseEntity<String> preview(@RequestParam String draft, @RequestParam(required = false) String lang,
                                   HttpServletRequest request) {
        var settings = drafts.get(draft);
        if (!request.isUserInRole(Role.Names.ADMIN) || settings.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        Locale locale = Messages.supported(settings.get().buyerLocale(lang));
        Map<String, Object> model = new HashMap<>();
        model.put("page", sample(settings.get(), locale));
        model.put("base", request.getContextPath());
        model.put("brandDraft", draft);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .body(templates.render("quote", locale, model));
    }

    private QuotePage sample(BrandingSettings draft, Locale locale) {
        Seller shown = seller.current();
        String name = draft.displayName() != null ? draft.displayName() : shown.name();
        Seller sampleSeller = new Seller(name, draft.businessAddress() != null ? draft.businessAddress() : shown.address(),
                BrandLook.initials(name));
        com.commercehub.base.i18n.Translator text = messages.in(locale);
        String unit = money("1200", locale);
        String total = money("2400", locale);
        List<QuotePage.Line> lines = List.of(new QuotePage.Line(text.get("branding.sample.item"),
                text.get("branding.sample.item-description"), "SKU-100", "2", unit, "", "", "", total));
        QuotePage.Totals totals = new QuotePage.Totals(total, null, null, null, null, total, List.of(), total);
        return new QuotePage(QuotePage.Mode.PREVIEW, locale.getLanguage(), false, sampleSeller, "Q-1001", 1,
                text.get("branding.sample.title"), java.time.format.DateTimeFormatter.ofLocalizedDate(
                        java.time.format.FormatStyle.LONG).withLocale(locale).format(java.time.LocalDate.of(2030, 1, 31)),
                "Alex Buyer", "alex@example.com", "Example Ltd", name, "sales@example.com", lines, List.of(), List.of(),
                totals, null, null, null, null, List.of(), false, false, new QuotePage.Checkout(true, true, null),
                QuotePage.SignForm.hidden(), null, new QuotePage.Paths(PATH, PATH, null, PATH));
    }

    private static String money(String amount, Locale locale) {
        return MoneyFormatter.format(new Money(new BigDecimal(amount), Currency.getInstance("EUR")), locale);
    }
}
