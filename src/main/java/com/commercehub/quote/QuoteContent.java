package com.commercehub.quote;

import com.commercehub.crm.LineItemDraft;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What a published version says, frozen: stored as JSON with the version and shown to the buyer
 * exactly so, whatever happens to the draft, the deal or the library afterwards.
 * {@code firstPayment} is the amount due at checkout as priced when published; {@code lineDescriptions}
 * holds each line's library description as it read then (null for custom lines; absent in versions
 * published before descriptions were kept).
 */
public record QuoteContent(String number, int version, String title, Currency currency, String locale,
                           LocalDate expiresOn, String comments, String purchaseTerms, String buyerName,
                           String buyerEmail, String companyName, String ownerEmail, String ownerName,
                           List<LineItemDraft> lines, List<AdjustmentDraft> adjustments, boolean requireSignature,
                           String countersigner, boolean collectPayment, BigDecimal firstPayment,
                           List<String> lineDescriptions) {

    /** The library description of line {@code index}, if it had one. */
    public String lineDescription(int index) {
        return lineDescriptions == null || index >= lineDescriptions.size() ? null : lineDescriptions.get(index);
    }

    public QuoteTotals totals() {
        return price(currency, lines, adjustments);
    }

    /** Prices line items and quote-level adjustments with {@link QuoteCalculator}. */
    static QuoteTotals price(Currency currency, List<LineItemDraft> lines, List<AdjustmentDraft> adjustments) {
        List<QuoteLineInput> inputs = lines.stream().map(line -> QuoteLine.input(line, currency)).toList();
        List<Adjustment> discounts = adjustments.stream().filter(a -> a.type() == AdjustmentDraft.Type.DISCOUNT
                && !a.firstPaymentOnly()).map(AdjustmentDraft::adjustment).toList();
        List<Adjustment> firstPaymentOnly = adjustments.stream().filter(AdjustmentDraft::firstPaymentOnly)
                .map(AdjustmentDraft::adjustment).toList();
        List<Adjustment> fees = adjustments.stream().filter(a -> a.type() == AdjustmentDraft.Type.FEE)
                .map(AdjustmentDraft::adjustment).toList();
        return QuoteCalculator.calculate(currency, inputs, discounts, firstPaymentOnly, fees);
    }
}
