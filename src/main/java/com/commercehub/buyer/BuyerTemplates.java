package com.commercehub.buyer;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;
import java.util.Map;

/**
 * Renders buyer pages and PDFs from the templates under {@code templates/buyer}, in the given
 * language (the quote's, not the browser's). Texts are escaped by the templates, never inserted raw.
 */
@Component
class BuyerTemplates {

    private final ITemplateEngine engine;

    BuyerTemplates(ITemplateEngine engine) {
        this.engine = engine;
    }

    String render(String template, Locale locale, Map<String, Object> variables) {
        return engine.process("buyer/" + template, new Context(locale, variables));
    }
}
