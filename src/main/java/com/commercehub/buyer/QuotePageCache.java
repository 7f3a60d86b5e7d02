package com.commercehub.buyer;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.branding.BrandingService;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteLifecycle;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quote pages already rendered, by link (issue 17: opening the quote in a transaction, building the page model and
 * running the template cost about 4 ms of CPU a view, the cached page a fraction). A page is shown again only
 * while everything it was made from is as it was: the quote's {@link BuyerQuote.Revision}, read from the database
 * on every view ({@link QuoteLifecycle#revisionForBuyer}, one indexed statement, so another node's change, a
 * signature, a payment, a recall or an expiry is seen at once), and the {@link Surroundings} — branding version,
 * seller, payment mode — as the page itself would read them now. A view that would change the quote (the buyer's
 * first counted look, a quote past its date) always opens it. Bounded: past {@link #MAX_PAGES} links, one is
 * dropped for each new one.
 */
@Component
class QuotePageCache {

    // About 21 kB each for a 20-line quote: a few megabytes at most.
    static final int MAX_PAGES = 200;

    private final QuoteLifecycle lifecycle;
    private final BrandingService branding;
    private final SellerProfile seller;
    private final PaymentProcessorMode processor;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    /** What a quote page shows besides the quote: read before rendering, so a change during it is never hidden. */
    record Surroundings(long brandingVersion, Seller seller, boolean sandbox) {
    }

    private record Page(BuyerQuote.Revision revision, Surroundings surroundings, String contextPath, String html) {
    }

    QuotePageCache(QuoteLifecycle lifecycle, BrandingService branding, SellerProfile seller,
                   PaymentProcessorMode processor) {
        this.lifecycle = lifecycle;
        this.branding = branding;
        this.seller = seller;
        this.processor = processor;
    }

    Surroundings surroundings() {
        return new Surroundings(branding.currentVersion().id(), seller.current(), processor.isSandbox());
    }

    /** The page rendered earlier for this link, when nothing it shows has changed since; else empty. */
    Optional<String> unchanged(String token, boolean countsAsView, String contextPath) {
        Page page = pages.get(token);
        if (page == null) {
            return Optional.empty();
        }
        boolean same = page.contextPath().equals(contextPath)
                && lifecycle.revisionForBuyer(token, countsAsView).filter(page.revision()::equals).isPresent()
                && page.surroundings().equals(surroundings());
        if (!same) {
            pages.remove(token, page);
            return Optional.empty();
        }
        return Optional.of(page.html());
    }

    /**
     * Keeps the page just rendered from {@code quote} (read with its revision in one transaction) and
     * {@code surroundings} (read before).
     */
    void keep(String token, BuyerQuote quote, Surroundings surroundings, String contextPath, String html) {
        if (quote.revision() == null) {
            return;
        }
        if (pages.size() >= MAX_PAGES && !pages.containsKey(token)) {
            Iterator<String> any = pages.keySet().iterator();
            if (any.hasNext()) {
                pages.remove(any.next());
            }
        }
        pages.put(token, new Page(quote.revision(), surroundings, contextPath, html));
    }

    void forget(String token) {
        pages.remove(token);
    }
}
