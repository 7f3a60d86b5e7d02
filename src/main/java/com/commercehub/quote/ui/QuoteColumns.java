package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.quote.QuoteListEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;

/** The columns every list of quotes shows, keyed so that lists can add their own in between. */
final class QuoteColumns {

    static final String TITLE = "title";

    private QuoteColumns() {
    }

    static void add(Grid<QuoteListEntry> grid, Component translator) {
        grid.addColumn(QuoteListEntry::number).setKey("number").setHeader(translator.getTranslation("quote.number"))
                .setAutoWidth(true).setFrozen(true);
        grid.addColumn(QuoteListEntry::title).setKey(TITLE).setHeader(translator.getTranslation("quote.title"))
                .setFlexGrow(2);
        grid.addColumn(q -> translator.getTranslation(q.status().messageKey())).setKey("status")
                .setHeader(translator.getTranslation("quote.status")).setAutoWidth(true);
        grid.addColumn(q -> q.publishedVersion() == 0 ? ""
                        : translator.getTranslation("quote.version.short", q.publishedVersion())).setKey("version")
                .setHeader(translator.getTranslation("quote.version")).setAutoWidth(true);
        grid.addColumn(q -> Formats.date(q.expiresOn(), UI.getCurrent().getLocale())).setKey("expires")
                .setHeader(translator.getTranslation("quote.expires")).setAutoWidth(true);
        grid.addColumn(q -> Formats.money(q.amount(), UI.getCurrent().getLocale())).setKey("amount")
                .setHeader(translator.getTranslation("quote.due-at-checkout")).setTextAlign(ColumnTextAlign.END)
                // On a phone the amount stays beside the quote's number instead of scrolling away.
                .setAutoWidth(true).setFrozenToEnd(true);
    }
}
