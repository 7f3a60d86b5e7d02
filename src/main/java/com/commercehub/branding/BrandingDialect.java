package com.commercehub.branding;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;

/**
 * {@code #brand} in every template of the web's Thymeleaf engine (Boot adds dialect beans to it): the
 * {@link BrandLook} in the template's language. This is how the quote page, the payment-link, invoice and portal
 * pages get the branding without being told: {@code ~{branding/theme :: stylesheet}} links the theme,
 * {@code #brand.logoUrl()} is the logo. Addresses start with the variable {@code base} when the template has one
 * (the buyer templates do; the PDF's is a classpath base), else with the request's context path. A template
 * rendered with the variable {@code brandDraft} (an id of {@link BrandingDrafts}) shows that unsaved draft.
 */
@Component
class BrandingDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String DRAFT_VARIABLE = "brandDraft";

    private final BrandingService branding;
    private final BrandingDrafts drafts;

    BrandingDialect(BrandingService branding, BrandingDrafts drafts) {
        super("branding");
        this.branding = branding;
        this.drafts = drafts;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("brand");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return look(context);
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    private BrandLook look(IExpressionContext context) {
        String base = context.getVariable("base") instanceof String given ? given
                : context instanceof IWebContext web ? web.getExchange().getRequest().getApplicationPath() : "";
        String language = context.getLocale() == null ? null : context.getLocale().getLanguage();
        if (context.getVariable(DRAFT_VARIABLE) instanceof String draftId) {
            var draft = drafts.get(draftId);
            if (draft.isPresent()) {
                return BrandLook.of(draft.get(), base, base + BrandLook.DRAFT_PATH + draftId + "/theme.css", language);
            }
        }
        BrandingSettings current = branding.current();
        return BrandLook.of(current, base, base + BrandLook.THEME_PATH + BrandTheme.hash(current) + ".css", language);
    }
}
