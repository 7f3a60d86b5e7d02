package com.commercehub.buyer;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.i18n.Translator;
import com.commercehub.base.money.Money;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteContent;
import com.commercehub.quote.QuoteLineResult;
import com.commercehub.quote.QuoteSignature;
import com.commercehub.quote.QuoteTotals;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Turns a quote version as the buyer reaches it into the formatted {@link QuotePage} the template shows. */
@Component
class QuotePages {

    private final Messages messages;
    private final SellerProfile seller;
    private final PaymentProcessorMode processor;

    QuotePages(Messages messages, SellerProfile seller, PaymentProcessorMode processor) {
        this.messages = messages;
        this.seller = seller;
        this.processor = processor;
    }

    boolean sandbox() {
        return processor.isSandbox();
    }

    static Locale localeOf(QuoteContent content) {
        return Messages.supported(Locale.forLanguageTag(content.locale()));
    }

    QuotePage page(BuyerQuote quote, QuotePage.Mode mode, QuotePage.SignForm sign, QuotePage.Paths paths) {
        QuoteContent content = quote.content();
        Locale locale = localeOf(content);
        Translator t = messages.in(locale);
        QuoteTotals totals = content.totals();
        Currency currency = content.currency();
        List<QuotePage.Line> lines = new ArrayList<>();
        for (int i = 0; i < content.lines().size(); i++) {
            lines.add(line(content.lines().get(i), content.lineDescription(i), totals.lines().get(i), currency,
                    locale, t));
        }
        List<QuotePage.Adjustment> discounts = new ArrayList<>();
        List<QuotePage.Adjustment> fees = new ArrayList<>();
        for (AdjustmentDraft adjustment : content.adjustments()) {
            String value = adjustment.adjustment().kind() == com.commercehub.quote.Adjustment.Kind.PERCENT
                    ? percent(adjustment.adjustment().value(), locale)
                    : money(adjustment.adjustment().value(), currency, locale);
            (adjustment.type() == AdjustmentDraft.Type.DISCOUNT ? discounts : fees)
                    .add(new QuotePage.Adjustment(adjustment.label(), value));
        }
        BuyerQuote.Standing standing = quote.standing();
        boolean signing = mode == QuotePage.Mode.PAGE && quote.awaitsBuyerSignature();
        boolean checkoutShown = mode == QuotePage.Mode.PAGE && quote.offersCheckout();
        QuotePage.Checkout checkout = new QuotePage.Checkout(checkoutShown, quote.checkoutAllowed(),
                quote.awaitsBuyerSignature() ? t.get("buyer.checkout.sign-first") : null);
        return new QuotePage(mode, locale.getLanguage(), processor.isSandbox(), seller.current(), content.number(),
                quote.version(), content.title(), Formats.date(content.expiresOn(), locale), content.buyerName(),
                content.buyerEmail(), content.companyName(), content.ownerName(), content.ownerEmail(), lines,
                discounts, fees, totals(totals, locale, t), content.comments(), content.purchaseTerms(),
                standing.name().toLowerCase(Locale.ROOT),
                quote.paidAt() == null ? null : Formats.date(quote.paidAt().atZone(ZoneOffset.UTC).toLocalDate(), locale),
                quote.signatures().stream().map(s -> signature(s, locale, t)).toList(),
                quote.awaitsCountersignature(),
                quote.signature(QuoteSignature.Role.COUNTERSIGNER).isPresent(),
                checkout, signing ? sign : QuotePage.SignForm.hidden(),
                standing == BuyerQuote.Standing.REPLACED ? replaced(quote, locale, t) : null, paths);
    }

    private static QuotePage.Line line(LineItemDraft line, String description, QuoteLineResult result,
                                       Currency currency, Locale locale, Translator t) {
        String discount = null;
        if (line.discountKind() != null && line.discountValue() != null) {
            discount = line.discountKind() == DiscountKind.PERCENT ? percent(line.discountValue(), locale)
                    : money(line.discountValue(), currency, locale);
        }
        String tax = null;
        if (line.taxPercentage() != null) {
            tax = line.taxInclusive() ? t.get("buyer.tax.inclusive", percent(line.taxPercentage(), locale))
                    : percent(line.taxPercentage(), locale);
        }
        return new QuotePage.Line(line.name(), description, line.sku(), Formats.number(line.quantity(), locale),
                money(line.unitPrice(), currency, locale), discount, tax,
                BillingFrequency.label(t, line.frequency(), line.termPeriods()),
                Formats.money(result.total(), locale));
    }

    private static QuotePage.Totals totals(QuoteTotals totals, Locale locale, Translator t) {
        List<QuotePage.Amount> recurring = totals.recurringTotals().entrySet().stream()
                .map(e -> new QuotePage.Amount(BillingFrequency.label(t, e.getKey(), null),
                        Formats.money(e.getValue(), locale))).toList();
        return new QuotePage.Totals(Formats.money(totals.subtotal(), locale), nonZero(totals.quoteDiscount(), locale),
                nonZero(totals.fees(), locale), nonZero(totals.taxAdded(), locale), nonZero(totals.taxIncluded(), locale),
                Formats.money(totals.oneTimeTotal(), locale), recurring, Formats.money(totals.firstPayment(), locale));
    }

    private QuotePage.Replaced replaced(BuyerQuote quote, Locale locale, Translator t) {
        BuyerQuote.CurrentVersion current = quote.currentVersion();
        VersionChanges changes = VersionChanges.between(quote.content(), current.content());
        return new QuotePage.Replaced(current.linkPath(), current.content().version(), changes.describe(t),
                changes.totals(locale, t));
    }

    private static QuotePage.Signature signature(QuoteSignature signature, Locale locale, Translator t) {
        String image = signature.drawn()
                ? "data:image/png;base64," + Base64.getEncoder().encodeToString(signature.drawnPng()) : null;
        return new QuotePage.Signature(t.get("buyer.signature.role." + signature.role().name().toLowerCase(Locale.ROOT)),
                signature.name(), signature.email(), utc(signature.signedAt(), locale), signature.clientAddress(),
                signature.userAgent(), image, signature.contentSha256());
    }

    static String utc(Instant instant, Locale locale) {
        return Formats.dateTime(instant, ZoneOffset.UTC, locale) + " UTC";
    }

    private static String nonZero(Money money, Locale locale) {
        return money.amount().signum() == 0 ? null : Formats.money(money, locale);
    }

    private static String money(BigDecimal amount, Currency currency, Locale locale) {
        return Formats.money(new Money(amount, currency), locale);
    }

    private static String percent(BigDecimal value, Locale locale) {
        return Formats.number(value, locale) + " %";
    }
}
