package com.commercehub.base.ui;

import com.commercehub.base.i18n.Messages;
import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Lets every component's getTranslation(..) read the shared message bundles. */
@Component
class VaadinTranslations implements I18NProvider {

    private final Messages messages;

    VaadinTranslations(Messages messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Messages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.get(key, locale, params);
    }
}
