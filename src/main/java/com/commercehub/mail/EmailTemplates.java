package com.commercehub.mail;

import com.commercehub.base.i18n.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders e-mails from Thymeleaf templates in {@code src/main/resources/templates/mail/}, in the recipient's
 * language ({@code #{key}} reads the app's message bundles). A template {@code name} is three files:
 * <ul>
 *   <li>{@code name.subject.txt} — the subject line (text mode);</li>
 *   <li>{@code name.html} — the HTML body: put every value in with {@code th:text} (escaped), never {@code th:utext};</li>
 *   <li>{@code name.txt} — the plain-text body (text mode, {@code [(${value})]}).</li>
 * </ul>
 * The engine is the mail's own (not a bean), so it cannot be mistaken for the one that renders web pages.
 */
@Component
public class EmailTemplates {

    /** The generic message: see {@link SimpleEmail} and {@link #simple}. */
    public static final String SIMPLE = "simple";

    private static final String FOLDER = "templates/mail/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final java.util.function.Supplier<EmailLook.Look> look;

    EmailTemplates(MessageSource messageSource) {
        this(messageSource, () -> null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    EmailTemplates(MessageSource messageSource, org.springframework.beans.factory.ObjectProvider<EmailLook> looks) {
        this(messageSource, () -> {
            EmailLook provider = looks.getIfAvailable();
            return provider == null ? null : provider.look();
        });
    }

    private EmailTemplates(MessageSource messageSource, java.util.function.Supplier<EmailLook.Look> look) {
        this.look = look;
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(messageSource);
        engine.setEnableSpringELCompiler(true);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(EmailTemplates.class.getClassLoader());
        resolver.setPrefix(FOLDER);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * Renders template {@code template} (its subject, HTML and text files) with {@code model}.
     *
     * @param locale the recipient's language; an unsupported one falls back to English
     * @throws IllegalArgumentException for a name that is not a plain template name
     * @throws org.thymeleaf.exceptions.TemplateInputException when a file is missing or malformed
     */
    public RenderedEmail render(String template, Locale locale, Map<String, ?> model) {
        if (template == null || !NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Not a template name: " + template);
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.putIfAbsent("look", look.get());
        Context context = new Context(Messages.supported(locale), variables);
        String subject = engine.process(template + ".subject.txt", context).replaceAll("\\s+", " ").strip();
        String html = engine.process(template + ".html", context);
        String text = engine.process(template + ".txt", context).strip() + "\n";
        return new RenderedEmail(subject, html, text);
    }

    /** Renders the generic template with the given texts. */
    public RenderedEmail simple(Locale locale, SimpleEmail content) {
        Map<String, Object> model = new HashMap<>();
        model.put("subject", content.subject());
        model.put("heading", content.heading());
        model.put("paragraphs", content.paragraphs());
        model.put("actionLabel", content.actionLabel());
        model.put("actionUrl", content.actionUrl() == null ? null : content.actionUrl().toString());
        model.put("footer", content.footer());
        model.put("portalUrl", content.portalUrl() == null ? null : content.portalUrl().toString());
        return render(SIMPLE, locale, model);
    }
}
