package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoicePdfs;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.stripe.ChargeLimits;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invoice as {@code invoice.html} shows it — the buyer page, the PDF from that page and the portal, and the
 * PDF a resend attaches (the invoice package asks through its {@link InvoicePdfs} port) — so all four agree.
 */
@Component
class InvoiceDocuments implements InvoicePdfs {

    private final QuotePdf pdf;
    private final Messages messages;
    private final SellerProfile seller;
    private final PaymentProcessorMode processor;

    InvoiceDocuments(QuotePdf pdf, Messages messages, SellerProfile seller, PaymentProcessorMode processor) {
        this.pdf = pdf;
        this.messages = messages;
        this.seller = seller;
        this.processor = processor;
    }

    @Override
    public byte[] render(InvoiceDetails invoice) {
        return pdf(invoice, "");
    }

    /** The PDF; {@code self} is the buyer page it belongs to. */
    byte[] pdf(InvoiceDetails invoice, String self) {
        return pdf.render("invoice", Messages.supported(invoice.header().locale()), model(invoice, self, false, true, ""));
    }

    /** The template's model; {@code self} is the page's own address, {@code base} the context path. */
    Map<String, Object> model(InvoiceDetails invoice, String self, boolean returned, boolean forPdf, String base) {
        Locale locale = Messages.supported(invoice.header().locale());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("base", base);
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
        // Part of the amount due when the invoice allows it: the field starts at all of it, written as the buyer
        // writes numbers; the hint names the smallest part Stripe takes in the currency.
        boolean partial = invoice.header().allowPartialPayments() && (boolean) model.get("payable");
        model.put("partial", partial);
        model.put("amountValue", partial ? plain(invoice.amountDue(), locale) : "");
        model.put("amountError", null);
        model.put("amountHint", partial ? ChargeLimits.minimumFor(invoice.amountDue().currency())
                .map(min -> messages.get("inv13.invoice.pay.amount-hint", locale, Formats.money(min, locale),
                        Formats.money(invoice.amountDue(), locale)))
                .orElse(messages.get("inv13.invoice.pay.amount-hint-max", locale, Formats.money(invoice.amountDue(), locale)))
                : null);
        model.put("payPath", self + "/pay");
        model.put("pdfPath", self + "/pdf");
        return model;
    }

    /** The amount as a number in the buyer's way of writing, with the currency's decimals ("1.190,00"). */
    private static String plain(com.commercehub.base.money.Money amount, Locale locale) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(locale);
        int decimals = com.commercehub.base.money.Money.decimalsOf(amount.currency());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(amount.amount());
    }

    private static List<String> line(LineItemDetails line, Locale locale) {
        return List.of(line.name(), Formats.number(line.quantity().stripTrailingZeros(), locale),
                Formats.money(line.unitPrice(), locale), Formats.money(line.net(), locale));
    }
}
