package com.commercehub.buyer;

import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteActivityService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Map;
import java.util.Optional;

/**
 * A published version as its buyer sees it, for staff: the builder's preview (framed) and its PDF.
 * Signed-in staff only (the service checks the role); nothing here counts as the buyer's view.
 */
@Controller
class StaffQuoteDocuments {

    private static final String PATH = QuoteActivityService.DOCUMENTS_PATH;
    private static final String DRAFT_PREVIEW_PATH = QuoteActivityService.DRAFT_PREVIEW_PATH;

    private final QuoteActivityService activity;
    private final QuotePages pages;
    private final BuyerTemplates templates;
    private final QuotePdf pdf;
    private final com.commercehub.quote.QuoteService quotes;

    StaffQuoteDocuments(QuoteActivityService activity, QuotePages pages, BuyerTemplates templates, QuotePdf pdf,
                        com.commercehub.quote.QuoteService quotes) {
        this.quotes = quotes;
        this.activity = activity;
        this.pages = pages;
        this.templates = templates;
        this.pdf = pdf;
    }

    @GetMapping(PATH + "/preview")
    ResponseEntity<String> preview(@PathVariable long id, @PathVariable int version, HttpServletRequest request) {
        Optional<BuyerQuote> quote = activity.version(id, version);
        if (quote.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        QuotePage page = pages.page(quote.get(), QuotePage.Mode.PREVIEW, QuotePage.SignForm.hidden(), paths(id, version, request));
        String html = templates.render("quote", QuotePages.localeOf(quote.get().content()),
                Map.of("page", page, "base", request.getContextPath()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(html);
    }

    /** The draft as its buyer will see it once published: the review step's preview. Never cached. */
    @GetMapping(DRAFT_PREVIEW_PATH)
    ResponseEntity<String> draftPreview(@PathVariable long id, HttpServletRequest request) {
        BuyerQuote draft = quotes.draftPreview(id);
        QuotePage page = pages.page(draft, QuotePage.Mode.PREVIEW, QuotePage.SignForm.hidden(),
                new QuotePage.Paths(null, null, null, null));
        String html = templates.render("quote", QuotePages.localeOf(draft.content()),
                Map.of("page", page, "base", request.getContextPath()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .cacheControl(org.springframework.http.CacheControl.noStore()).body(html);
    }

    @GetMapping(PATH + "/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @PathVariable int version, HttpServletRequest request) {
        Optional<BuyerQuote> quote = activity.version(id, version);
        if (quote.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        QuotePage page = pages.page(quote.get(), QuotePage.Mode.PDF, QuotePage.SignForm.hidden(), paths(id, version, request));
        return BuyerQuoteController.pdfResponse(pdf.render(page), quote.get());
    }

    private static QuotePage.Paths paths(long id, int version, HttpServletRequest request) {
        String self = request.getContextPath() + QuoteActivityService.documentsPath(id, version);
        return new QuotePage.Paths(self + "/preview", self + "/pdf", null, null);
    }
}
