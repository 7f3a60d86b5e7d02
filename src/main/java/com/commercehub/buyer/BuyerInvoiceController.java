package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.checkout.CheckoutUnavailableException;
import com.commercehub.checkout.InvoiceCheckout;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.invoice.BuyerInvoices;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceNotPayableException;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.invoice.ReceiptDocument;
import com.commercehub.invoice.Receipts;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteLifecycle;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public invoice page {@code /invoice/<token>}: the invoice with <em>Pay</em> (Checkout for the amount
 * due) and its PDF, from one template. Coming back from Checkout shows that the payment is being confirmed;
 * the invoice itself changes only when the payment is recorded from Stripe's event.
 */
@Controller
class BuyerInvoiceController {

    private final BuyerInvoices invoices;
    private final InvoiceCheckout checkout;
    private final BuyerTemplates templates;
    private final QuotePdf pdf;
    private final Messages messages;
    private final SellerProfile seller;
    private final PaymentProcessorMode processor;
    private final Receipts receipts;
    private final QuoteLifecycle quotes;

    BuyerInvoiceController(BuyerInvoices invoices, InvoiceCheckout checkout, BuyerTemplates templates, QuotePdf pdf,
                           Messages messages, SellerProfile seller, PaymentProcessorMode processor, Receipts receipts,
                           QuoteLifecycle quotes) {
        this.receipts = receipts;
        this.quotes = quotes;
        this.invoices = invoices;
        this.checkout = checkout;
        this.templates = templates;
        this.pdf = pdf;
        this.messages = messages;
        this.seller = seller;
        this.processor = processor;
    }

    @GetMapping("/invoice/{token}")
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        return invoices.open(token).map(invoice -> render(invoice, token, false, HttpStatus.OK, request))
                .orElseGet(() -> notFound(request));
    }

    @GetMapping("/invoice/{token}/paid")
    ResponseEntity<String> paid(@PathVariable String token, HttpServletRequest request) {
        return invoices.open(token).map(invoice -> render(invoice, token, true, HttpStatus.OK, request))
                .orElseGet(() -> notFound(request));
    }

    @GetMapping("/invoice/{token}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token, HttpServletRequest request) {
        Optional<InvoiceDetails> invoice = invoices.open(token);
        if (invoice.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(notFound(request).getBody().getBytes(StandardCharsets.UTF_8));
        }
        return invoicePdf(invoice.get(), request.getContextPath() + "/invoice/" + token, request);
    }

    /** Renders an invoice as a PDF; {@code self} is the buyer page it came from (the portal serves it too). */
    ResponseEntity<byte[]> invoicePdf(InvoiceDetails invoice, String self, HttpServletRequest request) {
        Locale locale = Messages.supported(invoice.header().locale());
        byte[] document = pdf.render("invoice", locale, model(invoice, self, false, true, request));
        String file = invoice.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file).build().toString())
                .body(document);
    }

    /** The receipt of a paid quote, from its thank-you page: the quote's token is the credential. */
    @GetMapping("/quote/{token}/receipt")
    ResponseEntity<byte[]> quoteReceipt(@PathVariable String token, HttpServletRequest request) {
        Optional<BuyerQuote> quote = quotes.openByBuyer(token, false);
        Optional<ReceiptDocument> receipt = quote.flatMap(q -> receipts.latestOfQuote(q.quoteId()));
        if (receipt.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .body(notFound(request).getBody().getBytes(StandardCharsets.UTF_8));
        }
        return receiptPdf(receipt.get(), QuotePages.localeOf(quote.get().content()));
    }

    /** Renders a receipt as a PDF (staff download it too). */
    ResponseEntity<byte[]> receiptPdf(ReceiptDocument receipt, Locale locale) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lang", locale.getLanguage());
        model.put("seller", seller.current());
        model.put("receipt", receipt);
        model.put("receivedOn", Formats.date(receipt.receivedOn(), locale));
        model.put("amount", Formats.money(receipt.amount(), locale));
        String file = receipt.number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file).build().toString())
                .body(pdf.render("receipt", locale, model));
    }

    @PostMapping("/invoice/{token}/pay")
    ResponseEntity<String> pay(@PathVariable String token, HttpServletRequest request) {
        Optional<InvoiceDetails> invoice = invoices.open(token);
        if (invoice.isEmpty()) {
            return notFound(request);
        }
        Locale locale = Messages.supported(invoice.get().header().locale());
        try {
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(BuyerQuoteController.sameOriginIfLocal(checkout.start(token), request)).build();
        } catch (InvoiceNotPayableException nothingDue) {
            return invoices.open(token).map(again -> render(again, token, false, HttpStatus.CONFLICT, request))
                    .orElseGet(() -> notFound(request));
        } catch (CheckoutUnavailableException unavailable) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("base", request.getContextPath());
            model.put("lang", locale.getLanguage());
            model.put("heading", messages.get("buyer.checkout.unavailable.title", locale));
            model.put("text", messages.get(unavailable.reason().messageKey(), locale));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_HTML)
                    .body(templates.render("message", locale, model));
        }
    }

    private ResponseEntity<String> render(InvoiceDetails invoice, String token, boolean returned, HttpStatus status,
                                          HttpServletRequest request) {
        Locale locale = Messages.supported(invoice.header().locale());
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(templates.render("invoice", locale, model(invoice, request.getContextPath() + "/invoice/" + token,
                        returned, false, request)));
    }

    private Map<String, Object> model(InvoiceDetails invoice, String self, boolean returned, boolean forPdf,
                                      HttpServletRequest request) {
        Locale locale = Messages.supported(invoice.header().locale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("pdf", forPdf);
        model.put("sandbox", processor.isSandbox());
        model.put("seller", seller.current());
        model.put("number", invoice.number());
        model.put("status", messages.get(invoice.status().messageKey(), locale));
        model.put("paid", invoice.status() == InvoiceStatus.PAID);
        model.put("closed", invoice.status() == InvoiceStatus.VOID || invoice.status() == InvoiceStatus.UNCOLLECTIBLE);
        model.put("payable", invoice.status().collectible() && invoice.amountDue().isPositive() && !returned);
        model.put("returned", returned && invoice.status() != InvoiceStatus.PAID);
        model.put("buyerName", invoice.header().buyerName());
        model.put("buyerEmail", invoice.header().buyerEmail());
        model.put("issueDate", Formats.date(invoice.header().issueDate(), locale));
        model.put("dueDate", Formats.date(invoice.dueDate(), locale));
        model.put("terms", messages.get(invoice.header().terms().messageKey(), locale));
        model.put("lines", invoice.lines().stream().map(line -> line(line, locale)).toList());
        model.put("subtotal", Formats.money(invoice.totals().subtotal(), locale));
        model.put("discount", invoice.totals().quoteDiscount().isZero() ? null
                : Formats.money(invoice.totals().quoteDiscount(), locale));
        model.put("tax", invoice.totals().taxAdded().isZero() ? null : Formats.money(invoice.totals().taxAdded(), locale));
        model.put("total", Formats.money(invoice.totals().oneTimeTotal(), locale));
        model.put("amountPaid", invoice.amountPaid().isZero() ? null : Formats.money(invoice.amountPaid(), locale));
        model.put("amountDue", Formats.money(invoice.amountDue(), locale));
        model.put("comments", invoice.header().comments());
        model.put("footer", invoice.header().footer());
        model.put("payPath", self + "/pay");
        model.put("pdfPath", self + "/pdf");
        return model;
    }

    private static List<String> line(LineItemDetails line, Locale locale) {
        return List.of(line.name(), Formats.number(line.quantity().stripTrailingZeros(), locale),
                Formats.money(line.unitPrice(), locale), Formats.money(line.net(), locale));
    }

    private ResponseEntity<String> notFound(HttpServletRequest request) {
        Locale locale = Messages.supported(request.getLocale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", request.getContextPath());
        model.put("lang", locale.getLanguage());
        model.put("heading", messages.get("buyer.not-found.title", locale));
        model.put("text", messages.get("invoice.buyer.not-found", locale));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .body(templates.render("message", locale, model));
    }
}
