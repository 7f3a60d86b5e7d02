package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.checkout.CheckoutUnavailableException;
import com.commercehub.checkout.InvoiceCheckout;
import com.commercehub.checkout.PaymentAmountRefusedException;
import com.commercehub.invoice.BuyerInvoices;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceNotPayableException;
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
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
    private final Receipts receipts;
    private final QuoteLifecycle quotes;
    private final InvoiceDocuments documents;

    BuyerInvoiceController(BuyerInvoices invoices, InvoiceCheckout checkout, BuyerTemplates templates, QuotePdf pdf,
                           Messages messages, SellerProfile seller, Receipts receipts,
                           QuoteLifecycle quotes, InvoiceDocuments documents) {
        this.documents = documents;
        this.receipts = receipts;
        this.quotes = quotes;
        this.invoices = invoices;
        this.checkout = checkout;
        this.templates = templates;
        this.pdf = pdf;
        this.messages = messages;
        this.seller = seller;
    }

    @GetMapping("/invoice/{token}")
    ResponseEntity<String> page(@PathVariable String token, HttpServletRequest request) {
        return invoices.open(token).map(invoice -> render(invoice, token, false, HttpStatus.OK, request))
                .orElseGet(() -> notFound(request));
    }

    @GetMapping("/invoice/{token}/paid")
    ResponseEntity<String> paid(@PathVariable String token,
                                @RequestParam(name = "session_id", required = false) String sessionId,
                                HttpServletRequest request) {
        // Once this session's payment is recorded the page is the invoice again: a part payment leaves the rest to pay.
        boolean confirming = !invoices.paymentArrived(token, sessionId);
        return invoices.open(token).map(invoice -> render(invoice, token, confirming, HttpStatus.OK, request))
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
        byte[] document = documents.pdf(invoice, self);
        String file = com.commercehub.invoice.InvoicePdfs.fileName(invoice);
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

    /**
     * <em>Pay</em>: the whole amount due, or — on an invoice that allows it — the {@code amount} the buyer typed, read
     * as numbers are written in the invoice's language. An amount that cannot be taken shows the page again with the
     * reason next to the field (422), and nothing is created at Stripe.
     */
    @PostMapping("/invoice/{token}/pay")
    ResponseEntity<String> pay(@PathVariable String token, @RequestParam(name = "amount", required = false) String amount,
                               HttpServletRequest request) {
        Optional<InvoiceDetails> invoice = invoices.open(token);
        if (invoice.isEmpty()) {
            return notFound(request);
        }
        Locale locale = Messages.supported(invoice.get().header().locale());
        try {
            BigDecimal chosen = null;
            if (amount != null) {
                chosen = Formats.parseAmount(amount, locale).orElseThrow(() -> new AmountProblem(
                        messages.get("inv13.invoice.pay.amount-invalid", locale,
                                Formats.money(invoice.get().amountDue(), locale))));
            }
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(BuyerQuoteController.sameOriginIfLocal(checkout.start(token, chosen), request)).build();
        } catch (AmountProblem problem) {
            return amountRefused(invoice.get(), token, amount, problem.getMessage(), request);
        } catch (PaymentAmountRefusedException refused) {
            Object[] amounts = refused.amounts().stream().map(money -> Formats.money(money, locale)).toArray();
            return amountRefused(invoice.get(), token, amount, messages.get(refused.messageKey(), locale, amounts), request);
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

    /** A typed amount that is no amount at all (the message is the buyer's, in their language). */
    private static final class AmountProblem extends RuntimeException {
        AmountProblem(String message) {
            super(message, null, false, false);
        }
    }

    private ResponseEntity<String> amountRefused(InvoiceDetails invoice, String token, String typed, String problem,
                                                 HttpServletRequest request) {
        Locale locale = Messages.supported(invoice.header().locale());
        Map<String, Object> model = documents.model(invoice, request.getContextPath() + "/invoice/" + token, false,
                false, request.getContextPath());
        model.put("amountValue", typed == null ? "" : typed);
        model.put("amountError", problem);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.TEXT_HTML)
                .body(templates.render("invoice", locale, model));
    }

    private ResponseEntity<String> render(InvoiceDetails invoice, String token, boolean returned, HttpStatus status,
                                          HttpServletRequest request) {
        Locale locale = Messages.supported(invoice.header().locale());
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body(templates.render("invoice", locale, documents.model(invoice, request.getContextPath() + "/invoice/" + token,
                        returned, false, request.getContextPath())));
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
