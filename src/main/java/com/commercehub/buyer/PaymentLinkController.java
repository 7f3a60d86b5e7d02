package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.link.LinkPage;
import com.commercehub.link.LinkUnavailableException;
import com.commercehub.link.PaymentLinkVisits;
import com.commercehub.link.PromotionCodeRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A payment link's public page at {@code /pay/<token>}: the seller, what is sold, and <em>Pay</em>, which
 * makes a new Checkout Session for this visit. In the link's language, or the browser's when it has none.
 * Unknown tokens get the same page as any unknown buyer link.
 */
@Controller
class PaymentLinkController {

    private final PaymentLinkVisits visits;
    private final BuyerTemplates templates;
    private final SellerProfile seller;
    private final Messages messages;
    private final PaymentProcessorMode processor;

    PaymentLinkController(PaymentLinkVisits visits, BuyerTemplates templates, SellerProfile seller, Messages messages,
                          PaymentProcessorMode processor) {
        this.visits = visits;
        this.templates = templates;
        this.seller = seller;
        this.messages = messages;
        this.processor = processor;
    }

    @GetMapping("/pay/{token}")
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        return visits.page(token).map(page -> render(page, token, null, null, null, HttpStatus.OK, request))
                .orElseGet(() -> notFound(request));
    }

    @PostMapping("/pay/{token}/checkout")
    ResponseEntity<String> checkout(@PathVariable String token,
                                    @RequestParam(name = "code", required = false) String code,
                                    HttpServletRequest request) {
        try {
            return visits.checkout(token, request.getLocale(), code)
                    .map(url -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                            .location(BuyerQuoteController.sameOriginIfLocal(url, request)).<String>build())
                    .orElseGet(() -> notFound(request));
        } catch (LinkUnavailableException unavailable) {
            // Stripe failing is not the link's state: 503, and the form stays for the next try.
            HttpStatus status = unavailable.reason() == LinkUnavailableException.Reason.PROVIDER_UNAVAILABLE
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT;
            return visits.page(token).map(page -> render(page, token, unavailable.reason(), null, null, status, request))
                    .orElseGet(() -> notFound(request));
        } catch (PromotionCodeRefusedException refused) {
            // The page again, the code as typed and why next to it; no session was made.
            return visits.page(token).map(page -> render(page, token, null, refused.messageKey(), code,
                            HttpStatus.UNPROCESSABLE_CONTENT, request))
                    .orElseGet(() -> notFound(request));
        }
    }

    /** Back from Stripe: the payment confirmed by reading the session (not waiting for the webhook). */
    @GetMapping("/pay/{token}/paid")
    ResponseEntity<String> paid(@PathVariable String token,
                                @RequestParam(name = "session_id", required = false) String sessionId,
                                HttpServletRequest request) {
        Optional<PaymentLinkVisits.Paid> paid = visits.paid(token, sessionId);
        if (paid.isEmpty()) {
            return notFound(request);
        }
        Locale locale = Optional.ofNullable(paid.get().language()).orElse(Messages.supported(request.getLocale()));
        var confirmation = paid.get().confirmation();
        Map<String, Object> model = model(locale, request);
        model.put("state", confirmation.state().name().toLowerCase(Locale.ROOT));
        model.put("amount", confirmation.amount() == null ? null : Formats.money(confirmation.amount(), locale));
        model.put("receiptUrl", confirmation.receiptUrl());
        model.put("message", paid.get().thankYouMessage());
        model.put("back", request.getContextPath() + "/pay/" + token);
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(templates.render("pay-paid", locale, model));
    }

    private ResponseEntity<String> render(LinkPage page, String token, LinkUnavailableException.Reason refused,
                                          String codeError, String typedCode, HttpStatus status,
                                          HttpServletRequest request) {
        Locale locale = Optional.ofNullable(page.language()).orElse(Messages.supported(request.getLocale()));
        LinkUnavailableException.Reason reason = refused != null ? refused : page.unavailable();
        Map<String, Object> model = model(locale, request);
        model.put("name", page.name());
        model.put("lines", page.lines().stream().map(line -> new Line(line.name(), line.quantity(),
                Formats.money(line.unitPrice(), locale), Formats.money(line.unitPrice().times(line.quantity()), locale),
                line.interval() == null ? null : messages.get("link.page.every." + line.interval(), locale, line.intervalCount()),
                line.adjustable(),
                tax(line, locale))).toList());
        boolean taxed = page.taxAdded().isPositive() || page.taxIncluded().isPositive();
        model.put("subtotal", taxed ? Formats.money(page.subtotal(), locale) : null);
        model.put("taxAdded", page.taxAdded().isPositive() ? Formats.money(page.taxAdded(), locale) : null);
        model.put("taxIncluded", page.taxIncluded().isPositive() ? Formats.money(page.taxIncluded(), locale) : null);
        model.put("total", Formats.money(page.total(), locale));
        model.put("promotionCodes", page.promotionCodes());
        model.put("hostedCodeField", page.hostedCodeField());
        model.put("codeError", codeError == null ? null : messages.get(codeError, locale));
        model.put("code", typedCode == null ? "" : typedCode.strip());
        model.put("discount", page.discountPercent() == null ? null : Formats.number(page.discountPercent(), locale));
        model.put("unavailable", reason == null ? null : messages.get(reason.messageKey(), locale));
        model.put("retry", reason == LinkUnavailableException.Reason.PROVIDER_UNAVAILABLE);
        model.put("action", request.getContextPath() + "/pay/" + token + "/checkout");
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(templates.render("pay", locale, model));
    }

    /** A line as the page prints it; {@code tax} is the rate's name and percentage, or null. */
    record Line(String name, int quantity, String unitPrice, String amount, String recurring, boolean adjustable,
                String tax) {
    }

    private String tax(LinkPage.Line line, Locale locale) {
        if (line.taxPercentage() == null) {
            return null;
        }
        String percent = Formats.number(line.taxPercentage(), locale) + " %";
        String rate = line.taxInclusive() ? messages.get("buyer.tax.inclusive", locale, percent) : percent;
        return line.taxName() == null ? rate : line.taxName() + " " + rate;
    }

    private Map<String, Object> model(Locale locale, HttpServletRequest request) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("seller", seller.current());
        model.put("sandbox", processor.isSandbox());
        return model;
    }

    private ResponseEntity<String> notFound(HttpServletRequest request) {
        Locale locale = Messages.supported(request.getLocale());
        Map<String, Object> model = model(locale, request);
        model.put("heading", messages.get("buyer.not-found.title", locale));
        model.put("text", messages.get("buyer.not-found.text", locale));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .body(templates.render("message", locale, model));
    }
}
