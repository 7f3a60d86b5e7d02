package com.commercehub.quote.ui;

import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTransitionException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.RouteParameters;

import java.util.Optional;
import java.util.function.Supplier;

/** The quick actions the quotes list, the deal page and the builder share: open, copy link, recall, duplicate. */
final class QuoteActions {

    private QuoteActions() {
    }

    static void open(Component from, long quoteId) {
        from.getUI().ifPresent(ui -> ui.navigate(QuoteView.class, new RouteParameters("id", Long.toString(quoteId))));
    }

    /** Puts the working buyer link on the clipboard and shows it; says so when the quote has none. */
    static Optional<String> copyLink(Component from, QuoteService quotes, BuyerLinkAddress address, long quoteId) {
        Optional<String> link = quotes.buyerLink(quoteId).map(address::absolute);
        if (link.isEmpty()) {
            notify(from.getTranslation("quote.link.none"), false);
            return link;
        }
        UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link.get());
        notify(from.getTranslation("quote.link.copied", link.get()), true);
        return link;
    }

    /** Runs a lifecycle change; a refused one is explained, not thrown. */
    static Optional<QuoteDetails> transition(Component from, Supplier<QuoteDetails> change) {
        try {
            return Optional.of(change.get());
        } catch (QuoteTransitionException refused) {
            notify(from.getTranslation(refused.messageKey(), from.getTranslation(refused.from().messageKey())), false);
            return Optional.empty();
        }
    }

    static void notify(String message, boolean success) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }
}
