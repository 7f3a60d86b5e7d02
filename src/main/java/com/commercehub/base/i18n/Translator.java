package com.commercehub.base.i18n;

/** Looks up a translated text by key: a Vaadin component's getTranslation, or {@link Messages} for a locale. */
@FunctionalInterface
public interface Translator {

    String get(String key, Object... params);
}
