package com.commercehub.link;

import com.commercehub.base.money.Money;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.checkout.PaymentLinkSales;
import com.commercehub.crm.PurchaseDeals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * What a completed purchase through a link leads to, once per Checkout Session (its
 * {@code payment_link_purchase} row is inserted first; a second caller waits on that key and then finds the
 * work done): a one-time link switches off, the buyer becomes a contact (found by e-mail, or new), and with a deal
 * stage set, a deal with that contact.
 */
@Component
class LinkSales implements PaymentLinkSales {

    private final PaymentLinkRows rows;
    private final PurchaseDeals deals;
    private final LinkNotifications notifications;
    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final Clock clock;

    LinkSales(PaymentLinkRows rows, PurchaseDeals deals, LinkNotifications notifications, JdbcClient jdbc,
              BusinessCalendar calendar, Clock clock) {
        this.rows = rows;
        this.deals = deals;
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Optional<Described> describe(long linkId) {
        return rows.byId(linkId).map(link -> new Described(link.name(), link.language(), link.createdBy()));
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Sale> completed(long linkId, String checkoutSessionId, Buyer buyer, Money amount) {
        Optional<PaymentLinkRows.Link> found = rows.byId(linkId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PaymentLinkRows.Link link = found.get();
        int inserted = jdbc.sql("""
                        INSERT IGNORE INTO payment_link_purchase (checkout_session_id, payment_link, created_at)
                        VALUES (:session, :link, :now)""")
                .param("session", checkoutSessionId).param("link", linkId).param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            if (link.oneTime()) {
                rows.complete(linkId, clock.instant());
            }
            if (link.dealStage() != null && buyer.email() != null && !buyer.email().isBlank()) {
                String who = buyer.name() == null || buyer.name().isBlank() ? buyer.email() : buyer.name();
                PurchaseDeals.Purchase purchase = deals.record(link.name() + " – " + who, link.dealStage(),
                        amount.currency(), link.createdBy(), buyer.email(), buyer.name(), buyer.locale(), calendar.today());
                jdbc.sql("UPDATE payment_link_purchase SET deal = :deal, contact = :contact WHERE checkout_session_id = :session")
                        .param("deal", purchase.dealId()).param("contact", purchase.contactId())
                        .param("session", checkoutSessionId).update();
            } else if (buyer.email() != null && !buyer.email().isBlank()) {
                jdbc.sql("UPDATE payment_link_purchase SET contact = :contact WHERE checkout_session_id = :session")
                        .param("contact", deals.buyer(buyer.email(), buyer.name(), buyer.locale()))
                        .param("session", checkoutSessionId).update();
            }
            notifications.purchased(link, checkoutSessionId, buyer, amount);
        }
        return jdbc.sql("SELECT deal, contact FROM payment_link_purchase WHERE checkout_session_id = :session")
                .param("session", checkoutSessionId)
                .query((rs, n) -> new Sale((Long) rs.getObject("deal"), (Long) rs.getObject("contact"), null)).optional();
    }
}
