package com.commercehub.quote;

import org.springframework.stereotype.Component;

/** Puts together what a version's page shows: its content, the quote's standing, signatures, what replaced it. */
@Component
class BuyerQuotes {

    private final QuoteVersions versions;
    private final QuoteSignatures signatures;
    private final BuyerLinks links;

    BuyerQuotes(QuoteVersions versions, QuoteSignatures signatures, BuyerLinks links) {
        this.versions = versions;
        this.signatures = signatures;
        this.links = links;
    }

    BuyerQuote of(Quote quote, int versionNo, QuoteContent content) {
        boolean current = versionNo == quote.publishedVersion();
        BuyerQuote.CurrentVersion replacement = null;
        if (!current) {
            QuoteContent latest = versions.content(quote.id(), quote.publishedVersion()).orElseThrow();
            String link = quote.status().linkLive() ? versions.sealedToken(quote.id(), quote.publishedVersion())
                    .map(sealed -> BuyerLinks.PATH + links.reveal(sealed)).orElse(null) : null;
            replacement = new BuyerQuote.CurrentVersion(latest, link);
        }
        // Read in the same transaction as the quote and after it: the revision is never newer than what is shown.
        var signed = signatures.of(quote.id(), versionNo);
        return new BuyerQuote(quote.id(), versionNo, quote.status(), content, current, replacement, signed,
                quote.status() == QuoteStatus.PAID ? versions.paidAt(quote.id()).orElse(null) : null,
                new BuyerQuote.Revision(quote.id(), versionNo, quote.version(), quote.status(),
                        quote.publishedVersion(), signed.size()));
    }
}
