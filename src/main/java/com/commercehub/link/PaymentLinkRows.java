package com.commercehub.link;

import com.commercehub.base.money.Money;
import com.commercehub.crm.DealStage;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code payment_link} rows and their items. Staff changes go through the row's version (a stale edit
 * fails); what visits and purchases change (visit count, the open session, completion) are columns of their
 * own that staff edits never write, so neither side overwrites the other.
 */
@Component
class PaymentLinkRows {

    /** A link as stored. */
    record Link(long id, long version, String name, String tokenSealed, Currency currency, String language,
                boolean allowPromotionCodes, BigDecimal discountPercent, boolean billingAddressRequired,
                List<String> shippingCountries, boolean phoneNumber, Instant expiresAt, boolean oneTime,
                String thankYouMessage, String redirectUrl, DealStage dealStage, boolean active, Instant completedAt,
                int visits, String openSessionId, String accountId, String couponId, String createdBy,
                Instant createdAt, List<Item> items) {

        PaymentLinkStatus status(Instant now) {
            return PaymentLinkStatus.of(active, expiresAt, completedAt, now);
        }

        boolean recurring() {
            return items.stream().anyMatch(item -> item.interval() != null);
        }
    }

    /** An item, copied from the library product (and its tax rate) when the link was made or edited. */
    record Item(long productId, String name, Money unitPrice, String interval, Integer intervalCount, int quantity,
                Integer minQuantity, Integer maxQuantity, Tax tax) {

        Money amount() {
            return unitPrice.times(quantity);
        }

        /**
         * The item's tax at its quantity, as Stripe works it out per line and rounds half up: an added rate
         * {@code amount × rate}, an inclusive one the part {@code amount − amount / (1 + rate)} inside the price.
         */
        Money taxAmount() {
            Money amount = amount();
            if (tax == null) {
                return Money.zero(amount.currency());
            }
            if (!tax.inclusive()) {
                return amount.percent(tax.percentage()).rounded(RoundingMode.HALF_UP);
            }
            BigDecimal hundred = BigDecimal.valueOf(100);
            BigDecimal net = amount.amount().multiply(hundred)
                    .divide(hundred.add(tax.percentage()), amount.currencyDecimals(), RoundingMode.HALF_UP);
            return amount.minus(new Money(net, amount.currency())).rounded(RoundingMode.HALF_UP);
        }
    }

    /** The tax rate of an item as copied: {@code rateId} is the rate it came from. */
    record Tax(long rateId, String name, BigDecimal percentage, boolean inclusive) {
    }

    private static final String COLUMNS = """
            id, version, name, token_sealed, currency, language, allow_promotion_codes, discount_percent,
            billing_address, shipping_countries, phone_number, expires_at, one_time, thank_you_message, redirect_url,
            deal_stage, active, completed_at, visits, open_session_id, account_id, coupon_id, created_by, created_at""";

    private final JdbcClient jdbc;

    PaymentLinkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Link link, String tokenHash, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO payment_link (name, token_hash, token_sealed, currency, language, allow_promotion_codes,
                            discount_percent, billing_address, shipping_countries, phone_number, expires_at, one_time,
                            thank_you_message, redirect_url, deal_stage, active, created_by, created_at, updated_at)
                        VALUES (:name, :hash, :sealed, :currency, :language, :codes, :discount, :billing, :shipping,
                            :phone, :expires, :oneTime, :message, :redirect, :stage, TRUE, :by, :now, :now)""")
                .param("name", link.name()).param("hash", tokenHash).param("sealed", link.tokenSealed())
                .param("currency", link.currency().getCurrencyCode()).param("language", link.language())
                .param("codes", link.allowPromotionCodes()).param("discount", link.discountPercent())
                .param("billing", link.billingAddressRequired() ? "REQUIRED" : "AUTO")
                .param("shipping", link.shippingCountries().isEmpty() ? null : String.join(",", link.shippingCountries()))
                .param("phone", link.phoneNumber()).param("expires", timestamp(link.expiresAt()))
                .param("oneTime", link.oneTime()).param("message", link.thankYouMessage())
                .param("redirect", link.redirectUrl())
                .param("stage", link.dealStage() == null ? null : link.dealStage().name())
                .param("by", link.createdBy()).param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertItems(id, link.items());
        return id;
    }

    private void insertItems(long id, List<Item> items) {
        int line = 0;
        for (Item item : items) {
            jdbc.sql("""
                            INSERT INTO payment_link_item (payment_link, line_no, product, name, unit_amount, billing_interval,
                                billing_interval_count, quantity, min_quantity, max_quantity, tax_rate, tax_name,
                                tax_percentage, tax_inclusive)
                            VALUES (:link, :line, :product, :name, :unit, :interval, :count, :quantity, :min, :max,
                                :taxRate, :taxName, :taxPercentage, :taxInclusive)""")
                    .param("link", id).param("line", line++).param("product", item.productId()).param("name", item.name())
                    .param("unit", item.unitPrice().amount()).param("interval", item.interval())
                    .param("count", item.intervalCount()).param("quantity", item.quantity())
                    .param("min", item.minQuantity()).param("max", item.maxQuantity())
                    .param("taxRate", item.tax() == null ? null : item.tax().rateId())
                    .param("taxName", item.tax() == null ? null : item.tax().name())
                    .param("taxPercentage", item.tax() == null ? null : item.tax().percentage())
                    .param("taxInclusive", item.tax() != null && item.tax().inclusive()).update();
        }
    }

    Optional<Link> byId(long id) {
        return one("WHERE id = :id", Map.of("id", id), false);
    }

    Optional<Link> byTokenHash(String hash) {
        return one("WHERE token_hash = :hash", Map.of("hash", hash), false);
    }

    /** The link locked until the transaction ends: visits of a one-time link decide one at a time. */
    Optional<Link> lock(long id) {
        return one("WHERE id = :id", Map.of("id", id), true);
    }

    private Optional<Link> one(String where, Map<String, Object> params, boolean forUpdate) {
        Optional<Link> link = jdbc.sql("SELECT " + COLUMNS + " FROM payment_link " + where + (forUpdate ? " FOR UPDATE" : ""))
                .params(params).query((rs, n) -> link(rs, List.of())).optional();
        return link.map(found -> withItems(found, items(List.of(found.id())).getOrDefault(found.id(), List.of())));
    }

    /** A page of links, newest first, with their items read in one more query. */
    List<Link> page(int offset, int limit) {
        List<Link> links = jdbc.sql("SELECT " + COLUMNS + " FROM payment_link ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query((rs, n) -> link(rs, List.of())).list();
        return links;
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM payment_link").query(Integer.class).single();
    }

    /** Received payments per link and currency (refunds are not subtracted: it is what came in). */
    record Revenue(long linkId, long payments, Money amount) {
    }

    List<Revenue> revenue(List<Long> linkIds) {
        if (linkIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT payment_link, currency, COUNT(*) AS payments, SUM(amount) AS total FROM payment
                        WHERE payment_link IN (:ids) AND status NOT IN ('PROCESSING', 'FAILED')
                        GROUP BY payment_link, currency ORDER BY payment_link, currency""")
                .param("ids", linkIds)
                .query((rs, n) -> new Revenue(rs.getLong("payment_link"), rs.getLong("payments"),
                        new Money(rs.getBigDecimal("total"), Currency.getInstance(rs.getString("currency"))))).list();
    }

    void setActive(long id, long expectedVersion, boolean active, Instant now) {
        int rows = jdbc.sql("""
                        UPDATE payment_link SET active = :active, version = version + 1, updated_at = :now
                        WHERE id = :id AND version = :version""")
                .param("active", active).param("now", Timestamp.from(now)).param("id", id)
                .param("version", expectedVersion).update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("payment link " + id + " changed");
        }
    }

    /**
     * A staff edit: the link's fields and items replaced as the user saw them. The fixed discount's coupon is
     * forgotten, so the next visit makes (or finds, by its key) the coupon of the discount as it is now.
     */
    void update(long id, long expectedVersion, PaymentLinkDrafts.Content content, Instant now) {
        int changed = jdbc.sql("""
                        UPDATE payment_link SET name = :name, currency = :currency, language = :language,
                            allow_promotion_codes = :codes, discount_percent = :discount, billing_address = :billing,
                            shipping_countries = :shipping, phone_number = :phone, expires_at = :expires,
                            one_time = :oneTime, thank_you_message = :message, redirect_url = :redirect,
                            deal_stage = :stage, account_id = NULL, coupon_id = NULL, version = version + 1,
                            updated_at = :now
                        WHERE id = :id AND version = :version""")
                .param("name", content.name()).param("currency", content.currency().getCurrencyCode())
                .param("language", content.language()).param("codes", content.allowPromotionCodes())
                .param("discount", content.discountPercent())
                .param("billing", content.billingAddressRequired() ? "REQUIRED" : "AUTO")
                .param("shipping", content.shippingCountries().isEmpty() ? null : String.join(",", content.shippingCountries()))
                .param("phone", content.phoneNumber()).param("expires", timestamp(content.expiresAt()))
                .param("oneTime", content.oneTime()).param("message", content.thankYouMessage())
                .param("redirect", content.redirectUrl())
                .param("stage", content.dealStage() == null ? null : content.dealStage().name())
                .param("now", Timestamp.from(now)).param("id", id).param("version", expectedVersion).update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("payment link " + id + " changed");
        }
        jdbc.sql("DELETE FROM payment_link_item WHERE payment_link = :id").param("id", id).update();
        insertItems(id, content.items());
    }

    /** Counts a visit; the number makes the idempotency key of the visit's session. */
    int nextVisit(long id) {
        jdbc.sql("UPDATE payment_link SET visits = visits + 1 WHERE id = :id").param("id", id).update();
        return jdbc.sql("SELECT visits FROM payment_link WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    void openSession(long id, String sessionId) {
        jdbc.sql("UPDATE payment_link SET open_session_id = :session WHERE id = :id")
                .param("session", sessionId).param("id", id).update();
    }

    void coupon(long id, String accountId, String couponId) {
        jdbc.sql("UPDATE payment_link SET account_id = :account, coupon_id = :coupon WHERE id = :id")
                .param("account", accountId).param("coupon", couponId).param("id", id).update();
    }

    /** A one-time link was paid: it takes no more buyers. True when this call completed it. */
    boolean complete(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_link SET active = FALSE, completed_at = :now, open_session_id = NULL
                        WHERE id = :id AND one_time AND completed_at IS NULL""")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    private Map<Long, List<Item>> items(List<Long> ids) {
        Map<Long, List<Item>> items = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT i.*, l.currency FROM payment_link_item i JOIN payment_link l ON l.id = i.payment_link
                        WHERE i.payment_link IN (:ids) ORDER BY i.payment_link, i.line_no""")
                .param("ids", ids).query((rs, n) -> {
                    items.computeIfAbsent(rs.getLong("payment_link"), k -> new java.util.ArrayList<>()).add(new Item(
                            rs.getLong("product"), rs.getString("name"),
                            new Money(rs.getBigDecimal("unit_amount"), Currency.getInstance(rs.getString("currency"))),
                            rs.getString("billing_interval"), (Integer) rs.getObject("billing_interval_count"),
                            rs.getInt("quantity"), (Integer) rs.getObject("min_quantity"),
                            (Integer) rs.getObject("max_quantity"), rs.getBigDecimal("tax_percentage") == null ? null
                            : new Tax(rs.getLong("tax_rate"), rs.getString("tax_name"),
                            rs.getBigDecimal("tax_percentage").stripTrailingZeros(), rs.getBoolean("tax_inclusive"))));
                    return null;
                }).list();
        return items;
    }

    private static Link withItems(Link link, List<Item> items) {
        return new Link(link.id(), link.version(), link.name(), link.tokenSealed(), link.currency(), link.language(),
                link.allowPromotionCodes(), link.discountPercent(), link.billingAddressRequired(),
                link.shippingCountries(), link.phoneNumber(), link.expiresAt(), link.oneTime(), link.thankYouMessage(),
                link.redirectUrl(), link.dealStage(), link.active(), link.completedAt(), link.visits(),
                link.openSessionId(), link.accountId(), link.couponId(), link.createdBy(), link.createdAt(), items);
    }

    private static Link link(ResultSet rs, List<Item> items) throws SQLException {
        String shipping = rs.getString("shipping_countries");
        String stage = rs.getString("deal_stage");
        return new Link(rs.getLong("id"), rs.getLong("version"), rs.getString("name"), rs.getString("token_sealed"),
                Currency.getInstance(rs.getString("currency")), rs.getString("language"),
                rs.getBoolean("allow_promotion_codes"), rs.getBigDecimal("discount_percent"),
                "REQUIRED".equals(rs.getString("billing_address")),
                shipping == null ? List.of() : Arrays.asList(shipping.split(",")), rs.getBoolean("phone_number"),
                instant(rs.getTimestamp("expires_at")), rs.getBoolean("one_time"), rs.getString("thank_you_message"),
                rs.getString("redirect_url"), stage == null ? null : DealStage.valueOf(stage), rs.getBoolean("active"),
                instant(rs.getTimestamp("completed_at")), rs.getInt("visits"), rs.getString("open_session_id"),
                rs.getString("account_id"), rs.getString("coupon_id"), rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")), items);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
