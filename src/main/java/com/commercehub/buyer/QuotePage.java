package com.commercehub.buyer;

import java.util.List;
import java.util.Map;

/**
 * Everything the quote template shows, already formatted in the quote's language: the template
 * only places texts (always escaped) and never computes. One model serves the buyer page, the PDF
 * and the staff preview; {@code mode} says which.
 */
public record QuotePage(Mode mode, String lang, boolean sandbox, Seller seller, String number, int version,
                 String title, String expiresOn, String buyerName, String buyerEmail, String companyName,
                 String ownerName, String ownerEmail, List<Line> lines, List<Adjustment> discounts,
                 List<Adjustment> fees, Totals totals, String comments, String terms, String standing,
                 String paidOn, List<Signature> signatures, boolean awaitingCountersignature, boolean countersigned,
                 Checkout checkout, SignForm sign, Replaced replaced, Paths paths) {

    public enum Mode { PAGE, PDF, PREVIEW }

    public record Line(String name, String description, String sku, String quantity, String unitPrice, String discount,
                String tax, String billing, String total) {
    }

    public record Adjustment(String label, String value) {
    }

    public record Amount(String label, String value) {
    }

    public record Totals(String subtotal, String quoteDiscount, String fees, String taxAdded, String taxIncluded,
                  String oneTime, List<Amount> recurring, String firstPayment) {
    }

    public record Signature(String role, String name, String email, String signedAt, String clientAddress,
                     String userAgent, String imageDataUri, String contentSha256) {
    }

    /** Check out: shown when payment is collected here; disabled with the reason while a signature is missing. */
    public record Checkout(boolean shown, boolean enabled, String reason) {
    }

    /** The signature form: shown while the buyer must sign; what they typed and, by field, what was wrong (translated). */
    public record SignForm(boolean shown, String name, String email, boolean consent, Map<String, String> errors) {

        public static SignForm hidden() {
            return new SignForm(false, "", "", false, Map.of());
        }
    }

    /** A newer version replaced this one: where to find it (when it is open) and what changed. */
    public record Replaced(String currentLink, int currentVersion, List<String> changes, List<Comparison> totals) {
    }

    /** One total in the old version and the new one ("–" where a version has none). */
    public record Comparison(String label, String before, String after) {
    }

    public record Paths(String self, String pdf, String sign, String checkout) {
    }

    public boolean pdf() {
        return mode == Mode.PDF;
    }

    public boolean interactive() {
        return mode == Mode.PAGE;
    }
}
