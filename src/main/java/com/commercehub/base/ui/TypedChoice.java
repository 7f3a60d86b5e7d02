package com.commercehub.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Enter (or leaving the field) on text typed into a combo box picks the first item that matches it, or says that
 * none does. Without this the browser's combo box throws a partial match away when nothing is highlighted, and the
 * user finds the field empty with no word why.
 */
public final class TypedChoice {

    private TypedChoice() {
    }

    /** For a combo box with a lazy data provider: {@code firstMatch} answers the first item the text finds. */
    public static <T> void pickFirstMatch(ComboBox<T> combo, Function<String, Optional<T>> firstMatch) {
        pickFirstMatch(combo, firstMatch, picked -> { });
    }

    /**
     * The same, and {@code onPicked} gets the match: the value is set by the server, so listeners that act only
     * on the user's own choice ({@code isFromClient()}) hear of it here.
     */
    public static <T> void pickFirstMatch(ComboBox<T> combo, Function<String, Optional<T>> firstMatch,
                                          Consumer<T> onPicked) {
        combo.setAllowCustomValue(true);
        combo.addCustomValueSetListener(e -> {
            String typed = e.getDetail() == null ? "" : e.getDetail().strip();
            Optional<T> found = typed.isEmpty() ? Optional.empty() : firstMatch.apply(typed);
            if (found.isPresent()) {
                combo.setValue(found.get());
                combo.setInvalid(false);
                onPicked.accept(found.get());
            } else {
                combo.setErrorMessage(combo.getTranslation("combo.no-match", typed));
                combo.setInvalid(true);
            }
        });
    }

    /** For a combo box given its items in memory: the first whose label contains the text, ignoring case. */
    public static <T> void pickFirstMatch(ComboBox<T> combo) {
        pickFirstMatch(combo, typed -> combo.getListDataView().getItems()
                .filter(item -> contains(combo.getItemLabelGenerator().apply(item), typed)).findFirst());
    }

    /** The same for a multi-select: the match is added to what is chosen already. */
    public static <T> void pickFirstMatch(MultiSelectComboBox<T> combo, Function<String, Optional<T>> firstMatch) {
        combo.setAllowCustomValue(true);
        combo.addCustomValueSetListener(e -> {
            String typed = e.getDetail() == null ? "" : e.getDetail().strip();
            Optional<T> found = typed.isEmpty() ? Optional.empty() : firstMatch.apply(typed);
            if (found.isPresent()) {
                combo.select(found.get());
                combo.setInvalid(false);
            } else {
                combo.setErrorMessage(combo.getTranslation("combo.no-match", typed));
                combo.setInvalid(true);
            }
        });
    }

    private static boolean contains(String label, String typed) {
        return label != null && label.toLowerCase(Locale.ROOT).contains(typed.toLowerCase(Locale.ROOT));
    }
}
