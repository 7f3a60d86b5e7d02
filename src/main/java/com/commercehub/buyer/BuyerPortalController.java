package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.invoice.BuyerInvoices;
import com.commercehub.invoice.InvoiceListEntry;
import com.commercehub.invoice.ReceiptDocument;
import com.commercehub.invoice.Receipts;
import com.commercehub.subscription.BuyerPortal;
import com.commercehub.subscription.PortalLinkInvalidException;
import com.commercehub.subscription.PortalPage;
import com.commercehub.subscription.ProrationPreview;
import com.commercehub.subscription.SubscriptionDetails;
import com.commercehub.subscription.SubscriptionRefusedException;
import com.commercehub.subscription.SubscriptionState;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The buyer portal: {@code /portal} asks for an e-mail address and sends a magic link (answering the same
 * whether or not the address is known); {@code /portal/<token>} lists the buyer's subscriptions with the next
 * charge, payments and receipts, their invoices and receipts as PDFs (served under the portal token, only
 * when they are that buyer's), and takes their actions — a new card, a quantity change with Stripe's
 * proration preview where the seller allows it, cancel at period end with a reason. No session, no cookies:
 * the token is the credential and is checked again on every request ({@link BuyerPortal}).
 */
@Controller
class BuyerPortalController {

    private final BuyerPortal portal;
    private final BuyerTemplates templates;
    private final Messages messages;
    private final PaymentProcessorMode processor;
    private final BuyerInvoices invoices;
    private final Receipts receipts;
    private final BuyerInvoiceController documents;

    BuyerPortalController(BuyerPortal portal, BuyerTemplates templates, Messages messages, PaymentProcessorMode processor,
                          BuyerInvoices invoices, Receipts receipts, BuyerInvoiceController documents) {
        this.portal = portal;
        this.invoices = invoices;
        this.receipts = receipts;
        this.documents = documents;
        this.templates = templates;
        this.messages = messages;
        this.processor = processor;
    }

    @GetMapping("/portal")
    ResponseEntity<String> requestForm(@RequestParam(name = "card-saved", required = false) String cardSaved,
                                       HttpServletRequest request) {
        return requestPage(request, cardSaved != null ? "card-saved" : null, HttpStatus.OK);
    }

    @PostMapping("/portal")
    ResponseEntity<String> requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
        if (!email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return requestPage(request, "invalid", HttpStatus.UNPROCESSABLE_CONTENT);
        }
        portal.requestLink(email.strip());
        return requestPage(request, "sent", HttpStatus.OK);
    }

    @GetMapping("/portal/{token}")
    ResponseEntity<String> page(@PathVariable String token, @RequestParam(required = false) String done,
                                HttpServletRequest request) {
        try {
            PortalPage page = portal.open(token);
            return render(page, token, done == null ? null : messages.get("portal.done." + sanitize(done), page.locale()),
                    null, null, HttpStatus.OK, request);
        } catch (PortalLinkInvalidException invalid) {
            return invalid(request);
        }
    }

    /** One of the buyer's invoices as a PDF: only an invoice of the contact the portal link was issued to. */
    @GetMapping("/portal/{token}/invoices/{id}/pdf")
    ResponseEntity<byte[]> invoicePdf(@PathVariable String token, @PathVariable long id, HttpServletRequest request) {
        try {
            PortalPage page = portal.open(token);
            return invoices.ofBuyer(page.contactId(), page.buyerEmail(), id)
                    .map(invoice -> documents.invoicePdf(invoice, request.getContextPath() + "/portal/" + token, request))
                    .orElseGet(() -> notFoundDocument(request));
        } catch (PortalLinkInvalidException invalid) {
            return notFoundDocument(request);
        }
    }

    /** One of the buyer's receipts as a PDF: only a receipt of a payment by the contact the link was issued to. */
    @GetMapping("/portal/{token}/receipts/{number}/pdf")
    ResponseEntity<byte[]> receiptPdf(@PathVariable String token, @PathVariable String number, HttpServletRequest request) {
        try {
            PortalPage page = portal.open(token);
            return receipts.ofContact(page.contactId(), number)
                    .map(receipt -> documents.receiptPdf(receipt, page.locale()))
                    .orElseGet(() -> notFoundDocument(request));
        } catch (PortalLinkInvalidException invalid) {
            return notFoundDocument(request);
        }
    }

    private ResponseEntity<byte[]> notFoundDocument(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(invalid(request).getBody().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/portal/{token}/subscriptions/{id}/cancel")
    ResponseEntity<String> cancel(@PathVariable String token, @PathVariable long id, @RequestParam long version,
                                  @RequestParam(defaultValue = "") String reason, HttpServletRequest request) {
        return act(token, request, () -> {
            portal.cancelAtPeriodEnd(token, id, version, reason);
            return done(token, "cancel", request);
        });
    }

    @PostMapping("/portal/{token}/subscriptions/{id}/payment-method")
    ResponseEntity<String> paymentMethod(@PathVariable String token, @PathVariable long id, @RequestParam long version,
                                         HttpServletRequest request) {
        return act(token, request, () -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(BuyerQuoteController.sameOriginIfLocal(portal.paymentMethodUrl(token, id, version), request)).build());
    }

    /** First step of a quantity change: Stripe's preview of the next invoice, with a button to confirm. */
    @PostMapping("/portal/{token}/subscriptions/{id}/quantity/preview")
    ResponseEntity<String> previewQuantity(@PathVariable String token, @PathVariable long id, @RequestParam long version,
                                           @RequestParam String item, @RequestParam(defaultValue = "") String quantity,
                                           HttpServletRequest request) {
        return act(token, request, () -> {
            long wanted = quantity(quantity);
            ProrationPreview preview = portal.previewQuantity(token, id, version, item, wanted);
            PortalPage page = portal.open(token);
            Map<String, Object> confirm = new LinkedHashMap<>();
            confirm.put("subscription", id);
            confirm.put("version", version);
            confirm.put("item", item);
            confirm.put("quantity", wanted);
            confirm.put("text", messages.get("portal.quantity.preview", page.locale(), wanted,
                    Formats.money(preview.amountDue(), page.locale()),
                    preview.chargedAt() == null ? "" : date(preview.chargedAt(), page.locale())));
            return render(page, token, null, null, confirm, HttpStatus.OK, request);
        });
    }

    @PostMapping("/portal/{token}/subscriptions/{id}/quantity")
    ResponseEntity<String> changeQuantity(@PathVariable String token, @PathVariable long id, @RequestParam long version,
                                          @RequestParam String item, @RequestParam(defaultValue = "") String quantity,
                                          HttpServletRequest request) {
        return act(token, request, () -> {
            portal.changeQuantity(token, id, version, item, quantity(quantity));
            return done(token, "quantity", request);
        });
    }

    private interface Action {
        ResponseEntity<String> run();
    }

    private ResponseEntity<String> act(String token, HttpServletRequest request, Action action) {
        try {
            return action.run();
        } catch (PortalLinkInvalidException invalid) {
            return invalid(request);
        } catch (SubscriptionRefusedException refused) {
            try {
                PortalPage page = portal.open(token);
                String text = messages.get(refused.messageKey(), page.locale())
                        + (refused.stripeMessage() == null ? "" : " (" + refused.stripeMessage() + ")");
                return render(page, token, null, text, null, HttpStatus.CONFLICT, request);
            } catch (PortalLinkInvalidException invalid) {
                return invalid(request);
            }
        }
    }

    private static long quantity(String text) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= 1 && value <= 10_000) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new QuantityInvalid();
    }

    /** Mapped like Stripe's own refusal of a quantity below one. */
    private static final class QuantityInvalid extends SubscriptionRefusedException {
        QuantityInvalid() {
            super("subscription.refused.quantity");
        }
    }

    private ResponseEntity<String> done(String token, String what, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + "/portal/" + token + "?done=" + what)).build();
    }

    private static String sanitize(String done) {
        return List.of("cancel", "quantity").contains(done) ? done : "other";
    }

    private ResponseEntity<String> render(PortalPage page, String token, String notice, String error,
                                          Map<String, Object> confirm, HttpStatus status, HttpServletRequest request) {
        Locale locale = page.locale();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("sandbox", processor.isSandbox());
        model.put("buyer", page.buyerName());
        model.put("action", request.getContextPath() + "/portal/" + token);
        model.put("notice", notice);
        model.put("error", error);
        model.put("confirm", confirm);
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        for (SubscriptionDetails subscription : page.subscriptions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            SubscriptionState state = subscription.state();
            row.put("id", subscription.id());
            row.put("version", subscription.version());
            row.put("state", messages.get(state.messageKey(), locale));
            row.put("stateKey", state.name().toLowerCase(Locale.ROOT));
            row.put("open", !state.ended());
            row.put("scheduled", state == SubscriptionState.SCHEDULED_TO_CANCEL);
            row.put("amount", messages.get("portal.amount-per." + subscription.summary().interval(), locale,
                    Formats.money(subscription.summary().perPeriod(), locale), subscription.summary().intervalCount()));
            row.put("nextCharge", subscription.summary().nextBillingAt() == null ? null
                    : date(subscription.summary().nextBillingAt(), locale));
            row.put("endsOn", subscription.cancelAt() == null ? null : date(subscription.cancelAt(), locale));
            row.put("quantityAllowed", subscription.buyerChangesQuantity() && !state.ended());
            List<Map<String, Object>> items = new ArrayList<>();
            for (SubscriptionDetails.Item item : subscription.items()) {
                items.add(Map.of("id", item.stripeItemId(), "description", item.description() == null ? "" : item.description(),
                        "quantity", item.quantity().stripTrailingZeros().toPlainString(),
                        "unit", Formats.money(item.unitAmount(), locale)));
            }
            row.put("items", items);
            List<Map<String, Object>> payments = new ArrayList<>();
            for (SubscriptionDetails.Payment payment : subscription.payments()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("date", date(payment.paidAt() == null ? payment.createdAt() : payment.paidAt(), locale));
                p.put("amount", Formats.money(payment.amount(), locale));
                p.put("status", messages.get(com.commercehub.payment.PaymentStatus.valueOf(payment.status()).messageKey(), locale));
                p.put("receipt", payment.receiptUrl());
                payments.add(p);
            }
            row.put("payments", payments);
            subscriptions.add(row);
        }
        model.put("subscriptions", subscriptions);
        String documentsPath = request.getContextPath() + "/portal/" + token;
        List<Map<String, Object>> invoiceRows = new ArrayList<>();
        for (InvoiceListEntry invoice : invoices.ofBuyer(page.contactId(), page.buyerEmail())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", invoice.id());
            row.put("number", invoice.number());
            row.put("date", Formats.date(invoice.issueDate(), locale));
            row.put("total", Formats.money(invoice.total(), locale));
            row.put("status", messages.get(invoice.status().messageKey(), locale));
            row.put("pdf", documentsPath + "/invoices/" + invoice.id() + "/pdf");
            invoiceRows.add(row);
        }
        model.put("invoices", invoiceRows);
        List<Map<String, Object>> receiptRows = new ArrayList<>();
        for (ReceiptDocument receipt : receipts.ofContact(page.contactId())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", receipt.number());
            row.put("date", Formats.date(receipt.receivedOn(), locale));
            row.put("amount", Formats.money(receipt.amount(), locale));
            row.put("pdf", documentsPath + "/receipts/" + java.net.URLEncoder.encode(receipt.number(), StandardCharsets.UTF_8) + "/pdf");
            receiptRows.add(row);
        }
        model.put("receipts", receiptRows);
        return html(status, templates.render("portal", locale, model));
    }

    private ResponseEntity<String> requestPage(HttpServletRequest request, String outcome, HttpStatus status) {
        Locale locale = Messages.supported(request.getLocale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("sandbox", processor.isSandbox());
        model.put("outcome", outcome);
        return html(status, templates.render("portal-request", locale, model));
    }

    private ResponseEntity<String> invalid(HttpServletRequest request) {
        Locale locale = Messages.supported(request.getLocale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("sandbox", processor.isSandbox());
        model.put("outcome", "expired");
        return html(HttpStatus.NOT_FOUND, templates.render("portal-request", locale, model));
    }

    private static String date(java.time.Instant instant, Locale locale) {
        return Formats.date(LocalDate.ofInstant(instant, ZoneOffset.UTC), locale);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }
}
