package com.commercehub.sandbox;

import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Promotion codes: customer-facing codes for a coupon, with Stripe's rules — a code is unique among the
 * active codes regardless of case, may expire and may be limited in redemptions (never beyond what its
 * coupon allows). Checkout Sessions with {@code allow_promotion_codes} take them on the hosted page.
 */
@Component
class PromotionCodeResources extends SandboxRoutes {

    private static final int CODE_MAX = 500;

    private final SandboxStore store;
    private final SandboxEvents events;

    PromotionCodeResources(SandboxStore store, SandboxEvents events) {
        this.store = store;
        this.events = events;

        post("/v1/promotion_codes", this::create);
        get("/v1/promotion_codes/{id}", call -> store.get(call.var("id"), "promotion_code", "id", "promotion_code"));
        post("/v1/promotion_codes/{id}", this::update);
        get("/v1/promotion_codes", call -> {
            Params p = call.params();
            String code = p.string("code");
            Boolean active = p.bool("active");
            String coupon = p.string("coupon");
            return store.list("promotion_code", pc -> (code == null || code.equalsIgnoreCase(Obj.str(pc, "code")))
                            && (active == null || active.equals(pc.get("active")))
                            && (coupon == null || coupon.equals(couponOf(pc))),
                    call.limit(), call.startingAfter()).toList(call.path());
        });
    }

    private Map<String, Object> create(Call call) {
        Params p = call.params();
        Params promotion = p.child("promotion");
        if (promotion == null) {
            throw StripeError.missing("promotion");
        }
        promotion.oneOf("type", "coupon", "coupon");
        String couponId = promotion.string("coupon");
        if (couponId == null || couponId.isEmpty()) {
            throw StripeError.missing("promotion[coupon]");
        }
        Map<String, Object> coupon = store.get(couponId, "coupon", "promotion[coupon]", "coupon");
        String code = p.string("code");
        if (code == null || code.isEmpty()) {
            code = SandboxIds.random(8).toUpperCase(Locale.ROOT);
        }
        if (code.length() > CODE_MAX || !code.matches("[A-Za-z0-9_-]+")) {
            throw StripeError.invalid("code", "parameter_invalid_string",
                    "Promotion codes may only contain letters, numbers, dashes and underscores.");
        }
        boolean active = !Boolean.FALSE.equals(p.bool("active"));
        if (active) {
            requireUniqueAmongActive(code, null);
        }
        Long expiresAt = p.longValue("expires_at");
        if (expiresAt != null) {
            if (expiresAt <= call.now()) {
                throw StripeError.invalid("expires_at", "parameter_invalid_integer", "The `expires_at` must be in the future.");
            }
            Long redeemBy = (Long) (coupon.get("redeem_by") == null ? null : Obj.longOf(coupon, "redeem_by"));
            if (redeemBy != null && expiresAt > redeemBy) {
                throw StripeError.invalid("expires_at", "parameter_invalid_integer",
                        "The promotion code's `expires_at` cannot be after the coupon's `redeem_by`.");
            }
        }
        Long max = p.longValue("max_redemptions");
        if (max != null) {
            if (max < 1) {
                throw StripeError.invalid("max_redemptions", "parameter_invalid_integer",
                        "`max_redemptions` must be a positive integer.");
            }
            if (coupon.get("max_redemptions") != null && max > Obj.longOf(coupon, "max_redemptions")) {
                throw StripeError.invalid("max_redemptions", "parameter_invalid_integer",
                        "The promotion code's `max_redemptions` cannot exceed the coupon's `max_redemptions`.");
            }
        }
        Params restrictions = p.child("restrictions");
        Map<String, Object> object = Obj.base(SandboxIds.next("promo_"), "promotion_code", call.now());
        object.put("active", active);
        object.put("code", code);
        object.put("customer", p.string("customer"));
        object.put("customer_account", null);
        object.put("expires_at", expiresAt);
        object.put("max_redemptions", max);
        object.put("metadata", p.metadata(null));
        object.put("promotion", Obj.of("coupon", couponId, "type", "coupon"));
        object.put("restrictions", Obj.of(
                "first_time_transaction", restrictions != null && Boolean.TRUE.equals(restrictions.bool("first_time_transaction")),
                "minimum_amount", restrictions == null ? null : restrictions.longValue("minimum_amount"),
                "minimum_amount_currency", restrictions == null ? null : restrictions.string("minimum_amount_currency")));
        object.put("times_redeemed", 0L);
        store.insert(object);
        events.emit(call, "promotion_code.created", object, null);
        return object;
    }

    private Map<String, Object> update(Call call) {
        Map<String, Object> object = store.getForUpdate(call.var("id"), "promotion_code", "id", "promotion_code");
        Params p = call.params();
        Map<String, Object> previous = Obj.of();
        Boolean active = p.bool("active");
        if (active != null && !active.equals(object.get("active"))) {
            if (active) {
                requireUniqueAmongActive(Obj.str(object, "code"), Obj.str(object, "id"));
            }
            previous.put("active", object.get("active"));
            object.put("active", active);
        }
        if (p.has("metadata")) {
            previous.put("metadata", object.get("metadata"));
            object.put("metadata", p.metadata(Obj.map(object, "metadata")));
        }
        p.child("restrictions");
        store.update(object);
        events.emit(call, "promotion_code.updated", object, previous);
        return object;
    }

    private void requireUniqueAmongActive(String code, String exceptId) {
        boolean taken = !store.list("promotion_code", pc -> Boolean.TRUE.equals(pc.get("active"))
                && code.equalsIgnoreCase(Obj.str(pc, "code")) && !Obj.str(pc, "id").equals(exceptId), 1, null).data().isEmpty();
        if (taken) {
            throw StripeError.invalid("code", "resource_already_exists",
                    "An active promotion code with `code: " + code + "` already exists.");
        }
    }

    static String couponOf(Map<String, Object> promotionCode) {
        Map<String, Object> promotion = Obj.map(promotionCode, "promotion");
        return promotion == null ? null : Obj.str(promotion, "coupon");
    }

    /** Why a code typed at Checkout cannot be used for {@code session}; empty with the code's object when it can. */
    record Redeemable(Map<String, Object> promotionCode, Map<String, Object> coupon, String refusal) {
    }

    /**
     * Looks the typed code up (any case, active codes only) and applies Stripe's checks: expiry, redemption
     * limits of code and coupon, the coupon's currency and the minimum amount.
     */
    Redeemable redeemable(long now, String typed, Map<String, Object> session) {
        String code = typed == null ? "" : typed.strip();
        Optional<Map<String, Object>> found = code.isEmpty() ? Optional.empty()
                : store.list("promotion_code", pc -> Boolean.TRUE.equals(pc.get("active"))
                && code.equalsIgnoreCase(Obj.str(pc, "code")), 1, null).data().stream().findFirst();
        if (found.isEmpty()) {
            return new Redeemable(null, null, "invalid");
        }
        return check(now, found.get(), session);
    }

    /** The checks again for a code already on the session (before it is charged). */
    Redeemable recheck(long now, String promotionCodeId, Map<String, Object> session) {
        return store.find(promotionCodeId).map(pc -> Boolean.TRUE.equals(pc.get("active")) ? check(now, pc, session)
                : new Redeemable(pc, null, "invalid")).orElse(new Redeemable(null, null, "invalid"));
    }

    private Redeemable check(long now, Map<String, Object> pc, Map<String, Object> session) {
        Map<String, Object> coupon = store.find(couponOf(pc)).orElse(null);
        if (coupon == null || !Boolean.TRUE.equals(coupon.get("valid"))) {
            return new Redeemable(pc, null, "invalid");
        }
        if ((pc.get("expires_at") != null && Obj.longOf(pc, "expires_at") <= now)
                || (coupon.get("redeem_by") != null && Obj.longOf(coupon, "redeem_by") <= now)) {
            return new Redeemable(pc, coupon, "expired");
        }
        if ((pc.get("max_redemptions") != null && Obj.longOf(pc, "times_redeemed") >= Obj.longOf(pc, "max_redemptions"))
                || (coupon.get("max_redemptions") != null
                && Obj.longOf(coupon, "times_redeemed") >= Obj.longOf(coupon, "max_redemptions"))) {
            return new Redeemable(pc, coupon, "used_up");
        }
        if (coupon.get("amount_off") != null && !Obj.str(session, "currency").equals(coupon.get("currency"))) {
            return new Redeemable(pc, coupon, "invalid");
        }
        Map<String, Object> restrictions = Obj.map(pc, "restrictions");
        if (restrictions != null && restrictions.get("minimum_amount") != null
                && Obj.longOf(session, "amount_subtotal") < Obj.longOf(restrictions, "minimum_amount")) {
            return new Redeemable(pc, coupon, "minimum");
        }
        return new Redeemable(pc, coupon, null);
    }

    /** A completed session used the code: it counts towards its limit (and its coupon's). */
    void redeemed(String promotionCodeId) {
        store.findForUpdate(promotionCodeId).ifPresent(pc -> {
            pc.put("times_redeemed", Obj.longOf(pc, "times_redeemed") + 1);
            store.update(pc);
        });
    }
}
