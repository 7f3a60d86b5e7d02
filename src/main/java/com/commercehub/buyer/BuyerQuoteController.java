package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.checkout.CheckoutReturn;
import com.commercehub.checkout.CheckoutUnavailableException;
import com.commercehub.checkout.QuoteCheckout;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.BuyerSignatureInput;
import com.commercehub.quote.QuoteLifecycle;
import com.commercehub.quote.QuoteLinkNotFoundException;
import com.commercehub.quote.QuoteNotPayableException;
import com.commercehub.quote.QuoteTransitionException;
import com.commercehub.quote.SignatureRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer's quote page at {@code /quote/<token>}: no login, no session — the token is the
 * credential. Every action looks the quote up afresh and lets {@link QuoteLifecycle} decide, so a page
 * left open while the quote expired or was recalled cannot sign or check out any more.
 */
@Controller
class BuyerQuoteController {

    private static final String DATA_URL_PREFIX = "data:image/png;base64,";

    private final QuoteLifecycle lifecycle;
    private final QuotePages pages;
    private final BuyerTemplates templates;
    private final QuotePdf pdf;
    private final Messages messages;
    private final QuoteCheckout checkout;
    private final CheckoutReturn returns;
    private final com.commercehub.checkout.BillingPortal portal;
    private final QuotePageCache renderedPages;

    BuyerQuoteController(QuoteLifecycle lifecycle, QuotePages pages, BuyerTemplates templates, QuotePdf pdf,
                         Messages messages, QuoteCheckout checkout, CheckoutReturn returns,
                         com.commercehub.checkout.BillingPortal portal, QuotePageCache renderedPages) {
        this.portal = portal;
        this.renderedPages = renderedPages;
        this.checkout = checkout;
        this.returns = returns;
        this.lifecycle = lifecycle;
        this.pages = pages;
        this.templates = templates;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/quote/{token}")
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        boolean countsAsView = BuyerRequests.countsAsView(request);
        String base = request.getContextPath();
        Optional<String> unchanged = renderedPages.unchanged(token, countsAsView, base);
        if (unchanged.isPresent()) {
            return html(HttpStatus.OK, unchanged.get());
        }
        Optional<BuyerQuote> quote = lifecycle.openByBuyer(token, countsAsView);
        if (quote.isEmpty()) {
            renderedPages.forget(token);
            return notFound(request);
        }
        // Before rendering, which reads them again: a change meanwhile makes the kept page miss, never go stale.
        QuotePageCache.Surroundings surroundings = renderedPages.surroundings();
        ResponseEntity<String> page = render(quote.get(), QuotePage.SignForm.hidden(), HttpStatus.OK, request);
        renderedPages.keep(token, quote.get(), surroundings, base, page.getBody());
        return page;
    }

    @PostMapping("/quote/{token}/sign")
    ResponseEntity<String> sign(@PathVariable String token, @RequestParam(defaultValue = "") String name,
                                @RequestParam(defaultValue = "") String email,
                                @RequestParam(required = false) String consent,
                                @RequestParam(defaultValue = "drawn") String mode,
                                @RequestParam(defaultValue = "") String signature, HttpServletRequest request) {
        BuyerSignatureInput input = new BuyerSignatureInput(name, email, consent != null, png(signature),
                "typed".equals(mode), BuyerRequests.clientAddress(request), request.getHeader("User-Agent"));
        try {
            lifecycle.signByBuyer(token, input);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(selfPath(token, request))).build();
        } catch (QuoteLinkNotFoundException gone) {
            return notFound(request);
        } catch (SignatureRejectedException rejected) {
            Optional<BuyerQuote> reread = lifecycle.openByBuyer(token, false);
            if (reread.isEmpty()) {
                return notFound(request);
            }
            BuyerQuote quote = reread.get();
            Locale locale = QuotePages.localeOf(quote.content());
            Map<String, String> errors = new LinkedHashMap<>();
            rejected.problems().forEach((field, key) ->
                    errors.put(field.name().toLowerCase(Locale.ROOT), messages.get(key, locale)));
            var form = new QuotePage.SignForm(true, name, email, consent != null, errors);
            return render(quote, form, HttpStatus.UNPROCESSABLE_CONTENT, request);
        } catch (QuoteTransitionException tooLate) {
            // Expired, recalled or replaced since the page was loaded: show where the quote stands now.
            return lifecycle.openByBuyer(token, false)
                    .map(quote -> render(quote, QuotePage.SignForm.hidden(), HttpStatus.CONFLICT, request))
                    .orElseGet(() -> notFound(request));
        }
    }

    @GetMapping("/quote/{token}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletRequest request) {
        Optional<BuyerQuote> quote = lifecycle.openByBuyer(token, false);
        if (quote.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(notFound(request).getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!showsContent(quote.get())) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(selfPath(token, request))).build();
        }
        QuotePage page = pages.page(quote.get(), QuotePage.Mode.PDF, QuotePage.SignForm.hidden(), paths(token, request));
        return pdfResponse(pdf.render(page), quote.get());
    }

    /** Check out: re-checked here, then off to Stripe Checkout (the same session for every click on this version). */
    @PostMapping("/quote/{token}/checkout")
    ResponseEntity<String> checkout(@PathVariable String token, HttpServletRequest request) {
        Optional<BuyerQuote> quote = lifecycle.openByBuyer(token, false);
        if (quote.isEmpty()) {
            return notFound(request);
        }
        if (!quote.get().checkoutAllowed()) {
            return render(quote.get(), QuotePage.SignForm.hidden(), HttpStatus.CONFLICT, request);
        }
        Locale locale = QuotePages.localeOf(quote.get().content());
        try {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(sameOriginIfLocal(checkout.start(token), request)).build();
        } catch (QuoteNotPayableException refused) {
            return lifecycle.openByBuyer(token, false)
                    .map(again -> render(again, QuotePage.SignForm.hidden(), HttpStatus.CONFLICT, request))
                    .orElseGet(() -> notFound(request));
        } catch (CheckoutUnavailableException unavailable) {
            return message(HttpStatus.SERVICE_UNAVAILABLE, locale, messages.get("buyer.checkout.unavailable.title", locale),
                    messages.get(unavailable.reason().messageKey(), locale), selfPath(token, request), request);
        }
    }

    /** Back from Stripe: a thank-you that does not wait for the webhook (see {@link CheckoutReturn}). */
    @GetMapping("/quote/{token}/paid")
    ResponseEntity<String> paid(@PathVariable String token, @RequestParam(name = "session_id", required = false) String sessionId,
                                HttpServletRequest request) {
        Optional<BuyerQuote> quote = lifecycle.openByBuyer(token, false);
        Optional<CheckoutReturn.Confirmation> confirmation = quote.flatMap(q -> returns.confirm(token, sessionId));
        if (confirmation.isEmpty()) {
            return notFound(request);
        }
        Locale locale = QuotePages.localeOf(quote.get().content());
        CheckoutReturn.Confirmation c = confirmation.get();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("state", c.state().name().toLowerCase(Locale.ROOT));
        model.put("number", quote.get().content().number());
        model.put("amount", c.amount() == null ? null : Formats.money(c.amount(), locale));
        model.put("receiptUrl", c.receiptUrl());
        model.put("receiptPdf", selfPath(token, request) + "/receipt");
        model.put("back", selfPath(token, request));
        model.put("sandbox", pages.sandbox());
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(templates.render("paid", locale, model));
    }

    /**
     * The built-in sandbox's checkout page lives on this server, but its address names the loopback the API
     * was called on, which may not be the host the buyer used (localhost vs 127.0.0.1): then the page's
     * form-action policy would stop the redirect. A checkout page on this very server is sent as a path.
     */
    static URI sameOriginIfLocal(String url, HttpServletRequest request) {
        URI target = URI.create(url);
        boolean loopback = "127.0.0.1".equals(target.getHost()) || "localhost".equals(target.getHost());
        if (loopback && target.getPort() == request.getLocalPort()) {
            return URI.create(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
        return target;
    }

    /** A subscriber's way to Stripe's billing portal (update the card after a failed renewal). */
    @GetMapping("/quote/{token}/billing")
    ResponseEntity<String> billing(@PathVariable String token, HttpServletRequest request) {
        try {
            return portal.open(token)
                    .map(url -> ResponseEntity.status(HttpStatus.SEE_OTHER).location(sameOriginIfLocal(url, request)).<String>build())
                    .orElseGet(() -> notFound(request));
        } catch (com.stripe.exception.StripeException unavailable) {
            Locale locale = Messages.supported(request.getLocale());
            return message(HttpStatus.SERVICE_UNAVAILABLE, locale, messages.get("buyer.checkout.unavailable.title", locale),
                    messages.get("checkout.unavailable.processor-error", locale), selfPath(token, request), request);
        }
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] bytes, BuyerQuote quote) {
        String file = quote.content().number().replaceAll("[^A-Za-z0-9._-]", "_") + "-v" + quote.version() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment().filename(file).build().toString())
                .body(bytes);
    }

    private static boolean showsContent(BuyerQuote quote) {
        return switch (quote.standing()) {
            case OPEN, SIGNED, PAID -> true;
            case EXPIRED, REVISING, REPLACED -> false;
        };
    }

    private ResponseEntity<String> render(BuyerQuote quote, QuotePage.SignForm form, HttpStatus status,
                                          HttpServletRequest request) {
        String token = tokenOf(request);
        QuotePage page = pages.page(quote, QuotePage.Mode.PAGE,
                form.shown() ? form : new QuotePage.SignForm(true, "", "", false, Map.of()), paths(token, request));
        Locale locale = QuotePages.localeOf(quote.content());
        String template = showsContent(quote) ? "quote" : "state";
        return html(status, templates.render(template, locale, Map.of("page", page, "base", request.getContextPath())));
    }

    private static ResponseEntity<String> html(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }

    private ResponseEntity<String> notFound(HttpServletRequest request) {
        Locale locale = Messages.supported(request.getLocale());
        return message(HttpStatus.NOT_FOUND, locale, messages.get("buyer.not-found.title", locale),
                messages.get("buyer.not-found.text", locale), null, request);
    }

    private ResponseEntity<String> message(HttpStatus status, Locale locale, String heading, String text, String back,
                                           HttpServletRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("heading", heading);
        model.put("text", text);
        if (back != null) {
            model.put("back", back);
        }
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(templates.render("message", locale, model));
    }

    private static QuotePage.Paths paths(String token, HttpServletRequest request) {
        String self = selfPath(token, request);
        return new QuotePage.Paths(self, self + "/pdf", self + "/sign", self + "/checkout");
    }

    private static String selfPath(String token, HttpServletRequest request) {
        return request.getContextPath() + "/quote/" + token;
    }

    private static String tokenOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + "/quote/".length());
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The drawn signature from the form's data URL; anything else counts as no drawing. */
    private static byte[] png(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith(DATA_URL_PREFIX)) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(dataUrl.substring(DATA_URL_PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
