package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.ui.HomeSection;
import com.commercehub.quote.QuoteHome;
import com.commercehub.quote.QuoteStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The start page's quote sections: the user's open quotes (expiring soonest first) and recent buyer activity. */
final class QuotesOnHome {

    static final int SHOWN = 8;

    private QuotesOnHome() {
    }

    @org.springframework.stereotype.Component
    static class OpenQuotes implements HomeSection {

        private final QuoteHome home;

        OpenQuotes(QuoteHome home) {
            this.home = home;
        }

        @Override
        public int order() {
            return 10;
        }

        @Override
        public Optional<Component> create() {
            List<QuoteHome.OpenQuote> open = home.myOpenQuotes(SHOWN);
            if (open.isEmpty()) {
                return Optional.empty();
            }
            Section section = new Section("home-open-quotes", "home.quotes.title");
            open.forEach(quote -> section.row(quote.id(), quote.number(), quote.title(),
                    section.getTranslation(quote.status().messageKey()) + " · " + (quote.status() == QuoteStatus.DRAFT
                            ? section.getTranslation("home.quotes.draft")
                            : section.getTranslation("home.quotes.expires", Formats.date(quote.expiresOn(),
                            section.locale())))));
            return Optional.of(section);
        }
    }

    @org.springframework.stereotype.Component
    static class BuyerActivity implements HomeSection {

        private final QuoteHome home;

        BuyerActivity(QuoteHome home) {
            this.home = home;
        }

        @Override
        public int order() {
            return 20;
        }

        @Override
        public Optional<Component> create() {
            List<QuoteHome.BuyerActivity> recent = home.recentBuyerActivity(SHOWN);
            if (recent.isEmpty()) {
                return Optional.empty();
            }
            Section section = new Section("home-buyer-activity", "home.activity.title");
            recent.forEach(event -> section.row(event.quoteId(), event.number(), event.title(),
                    section.getTranslation(event.kind().messageKey()) + " · "
                            + Formats.dateTime(event.at(), ZoneId.systemDefault(), section.locale())));
            return Optional.of(section);
        }
    }

    /** A heading and a list of quotes, each a link to its builder with what to know about it. */
    static class Section extends VerticalLayout {

        final UnorderedList rows = new UnorderedList();

        Section(String className, String titleKey) {
            addClassName(className);
            setPadding(false);
            setSpacing(false);
            add(new H3(getTranslation(titleKey)), rows);
        }

        java.util.Locale locale() {
            return getLocale();
        }

        void row(long quoteId, String number, String title, String detail) {
            RouterLink link = new RouterLink(number + " · " + title, QuoteView.class,
                    new RouteParameters("id", Long.toString(quoteId)));
            Span about = new Span(" — " + detail);
            about.addClassName("home-row-detail");
            rows.add(new ListItem(link, about));
        }
    }
}
