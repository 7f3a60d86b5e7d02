package com.commercehub.link;

import com.commercehub.base.secrets.BearerTokens;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.base.web.PublicAddress;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Payment links for staff: make and edit one, list them with their payments, switch them on and off, copy the address. */
@Service
public class PaymentLinkService {

    /** Stripe's limit on a payment link's (and our link's) items. */
    public static final int MAX_ITEMS = 20;

    private final PaymentLinkRows rows;
    private final LinkTokens tokens;
    private final PaymentLinkDrafts drafts;
    private final PublicAddress address;
    private final Clock clock;

    PaymentLinkService(PaymentLinkRows rows, LinkTokens tokens, PaymentLinkDrafts drafts, PublicAddress address,
                       Clock clock) {
        this.rows = rows;
        this.tokens = tokens;
        this.drafts = drafts;
        this.address = address;
        this.clock = clock;
    }

    /**
     * Makes an active link from library products (copied as they are now).
     *
     * @return the link's id
     * @throws PaymentLinkValidationException with a message key per field when the draft breaks a rule
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public long create(PaymentLinkDraft draft) {
        PaymentLinkDrafts.Content content = drafts.validate(draft, null);
        BearerTokens.Issued token = tokens.issue();
        PaymentLinkRows.Link link = new PaymentLinkRows.Link(0, 0, content.name(), token.sealed(), content.currency(),
                content.language(), content.allowPromotionCodes(), content.discountPercent(),
                content.billingAddressRequired(), content.shippingCountries(), content.phoneNumber(),
                content.expiresAt(), content.oneTime(), content.thankYouMessage(), content.redirectUrl(),
                content.dealStage(), true, null, 0, null, null, null, Actors.current(), clock.instant(),
                content.items());
        return rows.insert(link, token.hash(), clock.instant());
    }

    /**
     * The link as its edit form shows it, with the version the edit must carry.
     *
     * @throws OptimisticLockingFailureException when the link is gone
     */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public PaymentLinkDetails details(long id) {
        PaymentLinkRows.Link link = rows.byId(id)
                .orElseThrow(() -> new OptimisticLockingFailureException("payment link " + id + " is gone"));
        long payments = rows.revenue(List.of(id)).stream().mapToLong(PaymentLinkRows.Revenue::payments).sum();
        List<PaymentLinkDetails.Item> items = link.items().stream().map(item -> new PaymentLinkDetails.Item(
                item.productId(), item.name(), item.unitPrice(), item.quantity(), item.minQuantity(),
                item.maxQuantity(), item.tax() == null ? null : item.tax().rateId(),
                item.tax() == null ? null : item.tax().name())).toList();
        return new PaymentLinkDetails(link.id(), link.version(), link.name(), items, link.allowPromotionCodes(),
                link.discountPercent(), link.billingAddressRequired(), String.join(", ", link.shippingCountries()),
                link.phoneNumber(), PaymentLinkDrafts.lastDay(link.expiresAt()), link.oneTime(),
                link.redirectUrl() != null ? PaymentLinkDraft.AfterPayment.REDIRECT : PaymentLinkDraft.AfterPayment.MESSAGE,
                link.thankYouMessage(), link.redirectUrl(), link.dealStage(),
                link.language() == null ? null : Locale.forLanguageTag(link.language()), payments);
    }

    /**
     * Changes the link as the user saw it ({@code expectedVersion}), under the rules of {@link #create}. As with
     * Stripe's payment links, items and prices may change after payments: what a visit offers is read from the
     * link when the visit starts, so the change reaches new Checkout Sessions only; payments, subscriptions and
     * revenue recorded before keep their own amounts. Kept items keep their copied price (see
     * {@link PaymentLinkDraft.Item#keptLine()}).
     *
     * @throws PaymentLinkValidationException    with a message key per field when the draft breaks a rule
     * @throws OptimisticLockingFailureException when someone changed the link meanwhile
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public void update(long id, long expectedVersion, PaymentLinkDraft draft) {
        PaymentLinkRows.Link link = rows.lock(id).filter(found -> found.version() == expectedVersion)
                .orElseThrow(() -> new OptimisticLockingFailureException("payment link " + id + " changed"));
        rows.update(id, expectedVersion, drafts.validate(draft, link), clock.instant());
    }

    /** A page of links, newest first, with payment counts and revenue per currency (three queries per page). */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PaymentLinkListEntry> page(int offset, int limit) {
        List<PaymentLinkRows.Link> links = rows.page(offset, limit);
        List<PaymentLinkRows.Revenue> revenue = rows.revenue(links.stream().map(PaymentLinkRows.Link::id).toList());
        Instant now = clock.instant();
        return links.stream().map(link -> {
            List<PaymentLinkRows.Revenue> own = revenue.stream().filter(r -> r.linkId() == link.id()).toList();
            return new PaymentLinkListEntry(link.id(), link.version(), link.name(), link.status(now), link.oneTime(),
                    own.stream().mapToLong(PaymentLinkRows.Revenue::payments).sum(),
                    own.stream().map(PaymentLinkRows.Revenue::amount).toList(), link.expiresAt(), link.createdAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count() {
        return rows.count();
    }

    /**
     * Switches the link on or off as the user saw it ({@code expectedVersion}); a completed one-time link stays off.
     *
     * @throws OptimisticLockingFailureException when someone changed the link meanwhile
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public void setActive(long id, long expectedVersion, boolean active) {
        PaymentLinkRows.Link link = rows.byId(id)
                .orElseThrow(() -> new OptimisticLockingFailureException("payment link " + id + " is gone"));
        if (active && link.completedAt() != null) {
            throw new PaymentLinkValidationException(Map.of("active", "link.reactivate.completed"));
        }
        rows.setActive(id, expectedVersion, active, clock.instant());
    }

    /** The buyer-facing address of the link, to copy, show as QR code or embed. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public String address(long id) {
        PaymentLinkRows.Link link = rows.byId(id)
                .orElseThrow(() -> new OptimisticLockingFailureException("payment link " + id + " is gone"));
        return address.base() + LinkTokens.PATH + tokens.reveal(link.tokenSealed());
    }
}
