package com.commercehub.link;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.checkout.CheckoutReturn;
import com.commercehub.checkout.CheckoutUnavailableException;
import com.commercehub.checkout.LinkCheckout;
import com.commercehub.checkout.LinkCheckoutRequest;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What buyers do with a link's public page, without a login (the token is the credential): see it, start
 * paying (a new Checkout Session each time) and come back. Everything is checked again on each request.
 * <p>
 * A one-time link has at most one open session: its row is locked while the previous session is asked about
 * and a new one made, so of two buyers starting at once one pays and the other is told the link is in use;
 * the session is kept short, so an abandoned one frees the link within the hour.
 */
@Component
public class PaymentLinkVisits {

    /** A one-time link's session lasts this long (Stripe's minimum is 30 minutes). */
    static final Duration ONE_TIME_HOLD = Duration.ofMinutes(45);

    /** The return page's content: what became of the payment, and the link's own message (may be null). */
    public record Paid(CheckoutReturn.Confirmation confirmation, String thankYouMessage, Locale language) {
    }

    private final PaymentLinkRows rows;
    private final LinkPromotionCodes codes;
    private final LinkCheckout checkout;
    private final CheckoutReturn returns;
    private final PaymentAccounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentLinkVisits(PaymentLinkRows rows, LinkPromotionCodes codes, LinkCheckout checkout, CheckoutReturn returns,
                      PaymentAccounts accounts, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.codes = codes;
        this.checkout = checkout;
        this.returns = returns;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The link behind the token as its page shows it; empty for an unknown or malformed token. */
    public Optional<LinkPage> page(String token) {
        return find(token).map(link -> {
            List<LinkPage.Line> lines = link.items().stream().map(item -> new LinkPage.Line(item.name(), item.unitPrice(),
                    item.quantity(), item.interval(), item.intervalCount(),
                    item.minQuantity() != null || item.maxQuantity() != null,
                    item.tax() == null ? null : item.tax().name(), item.tax() == null ? null : item.tax().percentage(),
                    item.tax() != null && item.tax().inclusive())).toList();
            Money zero = Money.zero(link.currency());
            Money subtotal = link.items().stream().map(PaymentLinkRows.Item::amount).reduce(zero, Money::plus);
            Money added = link.items().stream().filter(item -> item.tax() != null && !item.tax().inclusive())
                    .map(PaymentLinkRows.Item::taxAmount).reduce(zero, Money::plus);
            Money included = link.items().stream().filter(item -> item.tax() != null && item.tax().inclusive())
                    .map(PaymentLinkRows.Item::taxAmount).reduce(zero, Money::plus);
            return new LinkPage(link.name(), language(link), lines, subtotal, added, included, subtotal.plus(added),
                    link.allowPromotionCodes(), link.allowPromotionCodes() && codes.hostedFieldSafe(link.id()),
                    link.discountPercent(), unavailable(link).orElse(null));
        });
    }

    /**
     * Starts paying: the address of a new Checkout Session for this visit; empty for an unknown token.
     *
     * @param buyerLocale the browser's language, used when the link has none of its own
     * @param typedCode   a promotion code typed on the link's page, or null/blank
     * @throws LinkUnavailableException        when the link cannot be paid now
     * @throws PromotionCodeRefusedException   when the typed code cannot be used on this link
     */
    public Optional<String> checkout(String token, Locale buyerLocale, String typedCode) {
        Optional<PaymentLinkRows.Link> found = find(token);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PaymentLinkRows.Link link = found.get();
        unavailable(link).ifPresent(reason -> {
            throw new LinkUnavailableException(reason);
        });
        PaymentAccount account = accounts.ready()
                .orElseThrow(() -> new LinkUnavailableException(LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE));
        Locale locale = Optional.ofNullable(language(link)).orElse(Messages.supported(buyerLocale));
        Codes offer = codeOffer(link, account, typedCode);
        try {
            String coupon = coupon(account, link);
            if (!link.oneTime()) {
                int visit = rows.nextVisit(link.id());
                return Optional.of(checkout.start(account, request(link, token, locale, coupon, visit, null, offer)).url());
            }
            return Optional.of(transactions.execute(tx -> startOnce(account, link.id(), token, locale, coupon, offer)));
        } catch (CheckoutUnavailableException e) {
            if (e.reason() == CheckoutUnavailableException.Reason.PROMOTION_CODE_REFUSED) {
                throw new PromotionCodeRefusedException(true);
            }
            throw new LinkUnavailableException(e.reason() == CheckoutUnavailableException.Reason.PROCESSOR_ERROR
                    ? LinkUnavailableException.Reason.PROVIDER_UNAVAILABLE
                    : LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE);
        }
    }

    /** How the session takes codes: Stripe's own field, the one typed on our page, or none. */
    private record Codes(boolean hostedField, String promotionCodeId) {
    }

    private Codes codeOffer(PaymentLinkRows.Link link, PaymentAccount account, String typedCode) {
        if (typedCode == null || typedCode.isBlank()) {
            return new Codes(link.allowPromotionCodes() && codes.hostedFieldSafe(link.id()), null);
        }
        if (!link.allowPromotionCodes()) {
            throw new PromotionCodeRefusedException(false);
        }
        return new Codes(false, codes.applicable(typedCode, link.id(), account.accountId())
                .orElseThrow(() -> new PromotionCodeRefusedException(false)).promotionCodeId());
    }

    /** Runs with the one-time link's row locked. */
    private String startOnce(PaymentAccount account, long linkId, String token, Locale locale, String coupon,
                             Codes offer) {
        PaymentLinkRows.Link link = rows.lock(linkId).orElseThrow();
        unavailable(link).ifPresent(reason -> {
            throw new LinkUnavailableException(reason);
        });
        if (link.openSessionId() != null) {
            switch (checkout.status(account, link.openSessionId()).orElse("expired")) {
                case "open" -> throw new LinkUnavailableException(LinkUnavailableException.Reason.IN_USE);
                // Paid a moment ago; the purchase is being recorded and will switch the link off.
                case "complete" -> throw new LinkUnavailableException(LinkUnavailableException.Reason.COMPLETED);
                default -> {
                    // Expired or gone: this buyer may have the link.
                }
            }
        }
        int visit = rows.nextVisit(linkId);
        LinkCheckout.LinkSession session = checkout.start(account,
                request(link, token, locale, coupon, visit, clock.instant().plus(ONE_TIME_HOLD), offer));
        rows.openSession(linkId, session.id());
        return session.url();
    }

    /** What became of a session the buyer returns from; empty for an unknown token or another link's session. */
    public Optional<Paid> paid(String token, String sessionId) {
        return find(token).flatMap(link -> returns.confirmLink(link.id(), sessionId)
                .map(confirmation -> new Paid(confirmation, link.thankYouMessage(), language(link))));
    }

    private Optional<PaymentLinkRows.Link> find(String token) {
        return LinkTokens.wellFormed(token) ? rows.byTokenHash(LinkTokens.hash(token)) : Optional.empty();
    }

    private Optional<LinkUnavailableException.Reason> unavailable(PaymentLinkRows.Link link) {
        return switch (link.status(clock.instant())) {
            case ACTIVE -> Optional.empty();
            case INACTIVE -> Optional.of(LinkUnavailableException.Reason.INACTIVE);
            case EXPIRED -> Optional.of(LinkUnavailableException.Reason.EXPIRED);
            case COMPLETED -> Optional.of(LinkUnavailableException.Reason.COMPLETED);
        };
    }

    private static Locale language(PaymentLinkRows.Link link) {
        return link.language() == null ? null : Locale.forLanguageTag(link.language());
    }

    /** The link's fixed discount as a coupon of this account, made at the first visit. */
    private String coupon(PaymentAccount account, PaymentLinkRows.Link link) {
        if (link.discountPercent() == null) {
            return null;
        }
        if (link.couponId() != null && account.accountId().equals(link.accountId())) {
            return link.couponId();
        }
        String coupon = checkout.fixedDiscount(account, new LinkCheckoutRequest.FixedDiscount(link.id(), link.name(),
                link.discountPercent(), link.recurring()));
        rows.coupon(link.id(), account.accountId(), coupon);
        return coupon;
    }

    private static LinkCheckoutRequest request(PaymentLinkRows.Link link, String token, Locale locale, String coupon,
                                               int visit, Instant expiresAt, Codes offer) {
        List<LinkCheckoutRequest.Item> items = link.items().stream().map(item -> new LinkCheckoutRequest.Item(item.name(),
                item.unitPrice(), item.quantity(), item.minQuantity(), item.maxQuantity(), item.interval(),
                item.intervalCount() == null ? 0 : item.intervalCount(), item.tax() == null ? null : item.tax().percentage(),
                item.tax() != null && item.tax().inclusive())).toList();
        return new LinkCheckoutRequest(link.id(), LinkTokens.PATH + token, locale.toLanguageTag(), items,
                offer.hostedField(), coupon, link.billingAddressRequired(), link.shippingCountries(),
                link.phoneNumber(), link.redirectUrl(), visit, expiresAt, offer.promotionCodeId());
    }
}
