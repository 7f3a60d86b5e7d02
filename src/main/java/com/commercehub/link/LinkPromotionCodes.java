package com.commercehub.link;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * Promotion codes limited to chosen payment links. Stripe has no such limit: a Checkout Session with
 * {@code allow_promotion_codes} takes every active code of the account on its hosted page, and a coupon's
 * {@code applies_to} names Stripe products, which link items (sent as inline {@code price_data}) do not have.
 * So the limit is kept before the session is made:
 * <ul>
 *   <li>a code typed on the link's own page is looked up here, refused when it is limited to other links, and
 *       sent as the session's {@code discounts[0][promotion_code]} — Stripe still checks expiry and limits;</li>
 *   <li>Stripe's own code field is offered only on links where no active code limited elsewhere could be
 *       typed ({@link #hostedFieldSafe}); elsewhere the link's page takes the code instead.</li>
 * </ul>
 */
@Component
class LinkPromotionCodes {

    /** A code the buyer typed, as checkout sends it: Stripe's id of the promotion code in its account. */
    record Applicable(String promotionCodeId) {
    }

    private final JdbcClient jdbc;

    LinkPromotionCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** No active code is limited to links that leave this one out, so Stripe's code field cannot leak one. */
    boolean hostedFieldSafe(long linkId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM promotion_code pc
                        WHERE pc.active AND EXISTS (SELECT 1 FROM promotion_code_link l WHERE l.promotion_code = pc.id)
                          AND NOT EXISTS (SELECT 1 FROM promotion_code_link l
                                          WHERE l.promotion_code = pc.id AND l.payment_link = :link)""")
                .param("link", linkId).query(Integer.class).single() == 0;
    }

    /**
     * The active code so spelled (Stripe compares codes without regard to case) in the account, when it may be
     * used on this link; empty for an unknown code or one limited to other links — both are "invalid" to the buyer,
     * as Stripe says of a code it does not take.
     */
    Optional<Applicable> applicable(String typed, long linkId, String accountId) {
        String code = typed == null ? "" : typed.strip();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT pc.stripe_promotion_code_id FROM promotion_code pc
                        WHERE pc.active AND pc.account_id = :account AND LOWER(pc.code) = :code
                          AND (NOT EXISTS (SELECT 1 FROM promotion_code_link l WHERE l.promotion_code = pc.id)
                               OR EXISTS (SELECT 1 FROM promotion_code_link l
                                          WHERE l.promotion_code = pc.id AND l.payment_link = :link))
                        ORDER BY pc.id DESC LIMIT 1""")
                .param("account", accountId).param("code", code.toLowerCase(Locale.ROOT)).param("link", linkId)
                .query(String.class).optional().map(Applicable::new);
    }
}
