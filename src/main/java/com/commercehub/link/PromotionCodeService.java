package com.commercehub.link;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeUpdateParams;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Promotion codes buyers type at Checkout on links that allow them. Each is made at Stripe as a coupon (the
 * discount) and a promotion code (the code, its expiry and redemption limit); Stripe checks and counts them.
 * A code may be limited to chosen links, which Stripe cannot express: {@link LinkPromotionCodes} checks that.
 * The Stripe calls happen before the row is written, under keys of one attempt, so a failure leaves nothing here.
 */
@Service
public class PromotionCodeService {

    private static final int CODE_MAX = 50;

    private final JdbcClient jdbc;
    private final PaymentAccounts accounts;
    private final Clock clock;

    PromotionCodeService(JdbcClient jdbc, PaymentAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Makes the code at Stripe and records it.
     *
     * @throws PaymentLinkValidationException per field: code, percentOff/amountOff, expiresOn, maxRedemptions;
     *                                        {@code code} also when Stripe already has an active code so spelled
     * @throws LinkUnavailableException       when no Stripe account is ready or Stripe fails
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public long create(PromotionCodeDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        String code = draft.code() == null ? "" : draft.code().strip();
        if (!code.matches("[A-Za-z0-9_-]{1," + CODE_MAX + "}")) {
            problems.put("code", "promo.code.format");
        } else if (activeCodeTaken(code)) {
            problems.put("code", "promo.code.taken");
        }
        if ((draft.percentOff() == null) == (draft.amountOff() == null)) {
            problems.put("percentOff", "promo.discount.one");
        } else if (draft.percentOff() != null && (draft.percentOff().signum() <= 0
                || draft.percentOff().compareTo(BigDecimal.valueOf(100)) > 0 || draft.percentOff().scale() > 2)) {
            problems.put("percentOff", "promo.percent.range");
        } else if (draft.amountOff() != null && (!draft.amountOff().isPositive()
                || !StripeAmounts.isExactlyRepresentable(draft.amountOff()))) {
            problems.put("amountOff", "promo.amount.invalid");
        }
        if (draft.expiresOn() != null && !draft.expiresOn().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1))) {
            problems.put("expiresOn", "promo.expires.past");
        }
        if (draft.maxRedemptions() != null && draft.maxRedemptions() < 1) {
            problems.put("maxRedemptions", "promo.max.positive");
        }
        if (!draft.linkIds().isEmpty() && jdbc.sql("SELECT COUNT(*) FROM payment_link WHERE id IN (:ids)")
                .param("ids", draft.linkIds()).query(Integer.class).single() != Set.copyOf(draft.linkIds()).size()) {
            problems.put("links", "promo.links.unknown");
        }
        if (!problems.isEmpty()) {
            throw new PaymentLinkValidationException(problems);
        }
        PaymentAccount account = accounts.ready()
                .orElseThrow(() -> new LinkUnavailableException(LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE));
        Instant expiresAt = draft.expiresOn() == null ? null
                : draft.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // The same request made again (a retry after a crash between Stripe's answer and our commit) gets the
        // same key, so Stripe answers with the coupon and code it already made instead of a second pair. The
        // count of earlier rows with this code makes a later re-creation of a deactivated code a new request.
        String attempt = String.join("|", account.accountId(), code.toLowerCase(Locale.ROOT),
                String.valueOf(codesMadeBefore(code)), String.valueOf(draft.percentOff()),
                String.valueOf(draft.amountOff()), String.valueOf(expiresAt), String.valueOf(draft.maxRedemptions()));
        String couponId;
        String promotionId;
        try {
            CouponCreateParams.Builder coupon = CouponCreateParams.builder().setName(code)
                    .setDuration(CouponCreateParams.Duration.ONCE);
            if (draft.percentOff() != null) {
                coupon.setPercentOff(draft.percentOff());
            } else {
                coupon.setAmountOff(StripeAmounts.toMinorUnits(draft.amountOff()))
                        .setCurrency(StripeAmounts.currencyParam(draft.amountOff().currency()));
            }
            couponId = account.client().v1().coupons().create(coupon.build(),
                    IdempotencyKeys.forWrite("promotion-code", attempt, "coupon")).getId();
            PromotionCodeCreateParams.Builder promotion = PromotionCodeCreateParams.builder().setCode(code)
                    .setPromotion(PromotionCodeCreateParams.Promotion.builder()
                            .setType(PromotionCodeCreateParams.Promotion.Type.COUPON).setCoupon(couponId).build());
            if (expiresAt != null) {
                promotion.setExpiresAt(expiresAt.getEpochSecond());
            }
            if (draft.maxRedemptions() != null) {
                promotion.setMaxRedemptions(draft.maxRedemptions().longValue());
            }
            promotionId = account.client().v1().promotionCodes().create(promotion.build(),
                    IdempotencyKeys.forWrite("promotion-code", attempt, "code")).getId();
        } catch (InvalidRequestException e) {
            if ("code".equals(e.getParam())) {
                throw new PaymentLinkValidationException(Map.of("code", "promo.code.taken"));
            }
            throw new LinkUnavailableException(LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE);
        } catch (StripeException e) {
            throw new LinkUnavailableException(LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE);
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO promotion_code (code, percent_off, amount_off, currency, expires_at, max_redemptions,
                            active, account_id, stripe_coupon_id, stripe_promotion_code_id, created_by, created_at, updated_at)
                        VALUES (:code, :percent, :amount, :currency, :expires, :max, TRUE, :account, :coupon, :promotion,
                            :by, :now, :now)""")
                .param("code", code).param("percent", draft.percentOff())
                .param("amount", draft.amountOff() == null ? null : draft.amountOff().amount())
                .param("currency", draft.amountOff() == null ? null : draft.amountOff().currency().getCurrencyCode())
                .param("expires", expiresAt == null ? null : Timestamp.from(expiresAt)).param("max", draft.maxRedemptions())
                .param("account", account.accountId()).param("coupon", couponId).param("promotion", promotionId)
                .param("by", Actors.current()).param("now", now).update();
        long id = jdbc.sql("SELECT id FROM promotion_code WHERE account_id = :account AND stripe_promotion_code_id = :promotion")
                .param("account", account.accountId()).param("promotion", promotionId).query(Long.class).single();
        for (long link : Set.copyOf(draft.linkIds())) {
            jdbc.sql("INSERT INTO promotion_code_link (promotion_code, payment_link) VALUES (:code, :link)")
                    .param("code", id).param("link", link).update();
        }
        return id;
    }

    private int codesMadeBefore(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM promotion_code WHERE LOWER(code) = :code")
                .param("code", code.toLowerCase(Locale.ROOT)).query(Integer.class).single();
    }

    private boolean activeCodeTaken(String code) {
        // Stripe compares codes without regard to case.
        return jdbc.sql("SELECT COUNT(*) FROM promotion_code WHERE active AND LOWER(code) = :code")
                .param("code", code.toLowerCase(Locale.ROOT)).query(Integer.class).single() > 0;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<PromotionCodeEntry> page(int offset, int limit) {
        List<PromotionCodeEntry> codes = jdbc.sql("""
                        SELECT id, version, code, percent_off, amount_off, currency, expires_at, max_redemptions, active
                        FROM promotion_code ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset""")
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new PromotionCodeEntry(rs.getLong("id"), rs.getLong("version"), rs.getString("code"),
                        rs.getBigDecimal("percent_off"), rs.getBigDecimal("amount_off") == null ? null
                        : new Money(rs.getBigDecimal("amount_off"), Currency.getInstance(rs.getString("currency"))),
                        rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant(),
                        (Integer) rs.getObject("max_redemptions"), rs.getBoolean("active"), List.of())).list();
        if (codes.isEmpty()) {
            return codes;
        }
        Map<Long, List<String>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT pcl.promotion_code, l.name FROM promotion_code_link pcl
                        JOIN payment_link l ON l.id = pcl.payment_link
                        WHERE pcl.promotion_code IN (:ids) ORDER BY l.name""")
                .param("ids", codes.stream().map(PromotionCodeEntry::id).toList())
                .query((rs, n) -> links.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getString(2)))
                .list();
        return codes.stream().map(c -> new PromotionCodeEntry(c.id(), c.version(), c.code(), c.percentOff(), c.amountOff(),
                c.expiresAt(), c.maxRedemptions(), c.active(), links.getOrDefault(c.id(), List.of()))).toList();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM promotion_code").query(Integer.class).single();
    }

    /**
     * Switches the code off at Stripe and here; buyers can no longer apply it.
     *
     * @throws OptimisticLockingFailureException when the code changed since the user saw it
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public void deactivate(long id, long expectedVersion) {
        record Row(String account, String promotion) {
        }
        Row row = jdbc.sql("SELECT account_id, stripe_promotion_code_id FROM promotion_code WHERE id = :id AND version = :v FOR UPDATE")
                .param("id", id).param("v", expectedVersion).query((rs, n) -> new Row(rs.getString(1), rs.getString(2)))
                .optional().orElseThrow(() -> new OptimisticLockingFailureException("promotion code " + id + " changed"));
        PaymentAccount account = accounts.connected().filter(a -> a.accountId().equals(row.account()))
                .orElseThrow(() -> new LinkUnavailableException(LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE));
        try {
            account.client().v1().promotionCodes().update(row.promotion(),
                    PromotionCodeUpdateParams.builder().setActive(false).build(),
                    IdempotencyKeys.forWrite("promotion-code", id, "deactivate", expectedVersion));
        } catch (StripeException e) {
            throw new LinkUnavailableException(LinkUnavailableException.Reason.PAYMENTS_UNAVAILABLE);
        }
        jdbc.sql("UPDATE promotion_code SET active = FALSE, version = version + 1, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }
}
