/** Translations for en, de, da, sv, pl and it, and locale-aware formatting of dates, numbers and money. */
package com.commercehub.base.i18n;
