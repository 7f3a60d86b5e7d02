package com.commercehub.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.ListDataProvider;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The currency list of every staff view: "EUR – Euro" in the user's language, found by typing the code or the
 * name ("eur", "Euro", "złoty", "zloty"), instead of a wall of three-letter codes. Values stay ISO codes.
 */
public class CurrencyField extends ComboBox<String> {

    private List<String> offered = List.of();
    /** The text the list was last filtered by: the sort ranks by it (see {@link #setCurrencies}). */
    private String typed = "";

    public CurrencyField() {
        setItemLabelGenerator(code -> code == null ? "" : label(code, getLocale()));
        // Enter (or leaving the field) on typed text picks the currency it names: the code itself ("eur"), else the
        // first that matches; text that matches none is said to, never silently dropped.
        setAllowCustomValue(true);
        addCustomValueSetListener(e -> pick(e.getDetail()));
    }

    private void pick(String typed) {
        String wanted = typed == null ? "" : typed.strip();
        Optional<String> found = offered.stream().filter(code -> matches(code, wanted))
                .min(Comparator.comparingInt(code -> rank(code, wanted)));
        if (found.isPresent()) {
            setValue(found.get());
            setInvalid(false);
        } else {
            setErrorMessage(getTranslation("currency.no-match", wanted));
            setInvalid(true);
        }
    }

    public CurrencyField(String label) {
        this();
        setLabel(label);
    }

    /**
     * Offers these ISO codes, in this order; typed text puts the best matches first: the code itself ("EUR"), then
     * codes that start with it ("EU" → EUR), then currencies whose name starts with it, then the rest that match.
     */
    public void setCurrencies(Collection<String> codes) {
        offered = List.copyOf(codes);
        ListDataProvider<String> provider = new ListDataProvider<>(new ArrayList<>(offered));
        // The combo box hands its text only to the filter, and a fetch filters every item before it sorts them
        // (a stable sort: equal ranks keep the given order), so the sort reads the text the filter just saw.
        provider.setSortComparator((a, b) -> Integer.compare(rank(a, typed), rank(b, typed)));
        setItems((code, text) -> {
            typed = text == null ? "" : text;
            return matches(code, text);
        }, provider);
    }

    /** 0 for the code itself, 1 for a code that starts with the text, 2 for a name that does, 3 for the rest. */
    int rank(String code, String text) {
        String wanted = folded(text);
        if (wanted.isEmpty()) {
            return 0;
        }
        String folded = folded(code);
        if (folded.equals(wanted)) {
            return 0;
        }
        if (folded.startsWith(wanted)) {
            return 1;
        }
        if (folded(name(code, getLocale())).startsWith(wanted) || folded(name(code, Locale.ENGLISH)).startsWith(wanted)) {
            return 2;
        }
        return 3;
    }

    /** Offers every currency Java knows, by code. */
    public void setAllCurrencies() {
        setCurrencies(Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).sorted().toList());
    }

    /** The chosen currency, or none. */
    public Currency getCurrency() {
        return getValue() == null ? null : Currency.getInstance(getValue());
    }

    public void setCurrency(Currency currency) {
        setValue(currency == null ? null : currency.getCurrencyCode());
    }

    /** "EUR – Euro", the name in {@code locale}. */
    public static String label(String code, Locale locale) {
        return code + " – " + name(code, locale);
    }

    private boolean matches(String code, String typed) {
        String wanted = folded(typed);
        return wanted.isEmpty() || folded(code).contains(wanted) || folded(name(code, getLocale())).contains(wanted)
                || folded(name(code, Locale.ENGLISH)).contains(wanted);
    }

    private static String name(String code, Locale locale) {
        try {
            return Currency.getInstance(code).getDisplayName(locale);
        } catch (IllegalArgumentException notIso) {
            return code;
        }
    }

    /** Lower case without accents, so "zloty" finds "złoty" ("ł" and "ø" have no decomposition of their own). */
    static String folded(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('ł', 'l').replace('ø', 'o').replace("æ", "ae")
                .replace('đ', 'd');
    }
}
