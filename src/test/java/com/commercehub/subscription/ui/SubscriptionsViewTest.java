package com.commercehub.subscription.ui;

import com.commercehub.base.security.Role;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The subscriptions list (state, MRR, filter, search) and the action dialogs on subscription records. */
class SubscriptionsViewTest extends KaribuTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;

    /** A subscription record as checkout writes it (no Stripe needed to show it). */
    private long subscription(String name, String status, boolean cancelAtPeriodEnd, String amount, String interval) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        long company = AsAdmin.call(() -> companies.create(new CompanyDraft(name + " Ltd " + unique, null, null, "DE")).id());
        long contact = AsAdmin.call(() -> contacts.create(new ContactDraft(name, "Buyer", name.toLowerCase(Locale.ROOT) + "-"
                + unique + "@example.com", company, Locale.ENGLISH)).id());
        Instant now = Instant.now();
        jdbc.sql("""
                        INSERT INTO subscription (account_id, stripe_subscription_id, stripe_customer_id, contact, company, status,
                            currency, period_amount, billing_interval, billing_interval_count, current_period_start,
                            current_period_end, cancel_at_period_end, created_at, updated_at)
                        VALUES ('acct_test', :sub, 'cus_x', :contact, :company, :status, 'EUR', :amount, :interval, 1, :start,
                            :end, :cancel, :now, :now)""")
                .param("sub", "sub_" + unique).param("contact", contact).param("company", company).param("status", status)
                .param("amount", new java.math.BigDecimal(amount)).param("interval", interval)
                .param("start", Timestamp.from(now)).param("end", Timestamp.from(now.plus(30, ChronoUnit.DAYS)))
                .param("cancel", cancelAtPeriodEnd).param("now", Timestamp.from(now)).update();
        long id = jdbc.sql("SELECT id FROM subscription WHERE stripe_subscription_id = :sub").param("sub", "sub_" + unique)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO subscription_item (subscription, line_no, stripe_item_id, description, quantity, unit_amount) "
                + "VALUES (:id, 0, :item, 'Licence', 2, :unit)").param("id", id).param("item", "si_" + unique)
                .param("unit", new java.math.BigDecimal(amount).divide(java.math.BigDecimal.TWO)).update();
        return id;
    }

    @Test
    void the_list_shows_state_amount_and_mrr_and_filters_by_state_and_search() {
        subscription("Yearly", "active", false, "1200.00", "year");
        subscription("Ending", "active", true, "50.00", "month");
        login("sam@example.com", Role.SALES);
        UI.getCurrent().navigate(SubscriptionsView.class);
        SubscriptionsView view = _get(SubscriptionsView.class);
        // The items column takes the room left; sized columns (an empty company among them) do not grow into it.
        assertThat(List.of("company", "amount", "next", "mrr")).allSatisfy(key ->
                assertThat(view.grid.getColumnByKey(key).getFlexGrow()).as(key).isZero());
        assertThat(view.grid.getColumnByKey("items").getFlexGrow()).isEqualTo(1);

        view.search.setValue("Yearly");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        var row = GridKt._get(view.grid, 0);
        assertThat(row.monthlyRecurringRevenue().amount()).isEqualByComparingTo("100.00");
        assertThat(GridKt._getFormatted(view.grid, 0, "mrr")).contains("100");
        assertThat(GridKt._getFormatted(view.grid, 0, "amount")).contains("1,200.00").contains("year");
        assertThat(GridKt._getFormatted(view.grid, 0, "items")).isEqualTo("2 × Licence");

        view.search.setValue("Ending");
        assertThat(GridKt._get(view.grid, 0).state()).isEqualTo(com.commercehub.subscription.SubscriptionState.SCHEDULED_TO_CANCEL);
        view.state.setValue(com.commercehub.subscription.SubscriptionState.ACTIVE);
        assertThat(GridKt._size(view.grid)).isZero();
        view.state.setValue(com.commercehub.subscription.SubscriptionState.SCHEDULED_TO_CANCEL);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
    }

    @Test
    void a_canceled_subscription_offers_no_actions_and_the_cancel_dialog_refuses_with_stripes_reason() throws Exception {
        long id = subscription("Gone", "canceled", false, "80.00", "month");
        login("sam@example.com", Role.SALES);
        UI.getCurrent().navigate("subscriptions/" + id);
        SubscriptionView view = _get(SubscriptionView.class);
        // Item names and history details wrap on a phone instead of being cut.
        assertThat(view.items.getThemeNames()).contains("wrap-cell-content");
        assertThat(view.history.getThemeNames()).contains("wrap-cell-content");
        assertThat(view.changeItem.isEnabled()).isFalse();
        assertThat(view.cancel.isEnabled()).isFalse();
        assertThat(view.pause.isVisible()).isFalse();

        // A dialog left open while the subscription ended: the service refuses before Stripe is asked.
        CancelDialog dialog = new CancelDialog(context.getBean(com.commercehub.subscription.SubscriptionService.class),
                context.getBean(com.commercehub.base.ui.BackgroundJobs.class),
                context.getBean(com.commercehub.subscription.SubscriptionService.class).get(id).orElseThrow(), d -> { });
        dialog.open();
        dialog.reason.setValue("too late");
        dialog.confirm.click();
        // Stripe-bound work runs off the UI thread; its answer reaches the UI on the next round trip.
        try {
            dialog.pending.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOf(com.commercehub.subscription.SubscriptionRefusedException.class);
        }
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        expectNotifications("The subscription is canceled: Stripe accepts no more changes to it.");
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void the_change_dialog_applies_only_after_a_preview_and_finance_sees_no_actions() {
        long id = subscription("Active", "active", false, "40.00", "month");
        login("sam@example.com", Role.SALES);
        var service = context.getBean(com.commercehub.subscription.SubscriptionService.class);
        ChangeItemDialog dialog = new ChangeItemDialog(service, context.getBean(com.commercehub.base.ui.BackgroundJobs.class),
                service.get(id).orElseThrow(), d -> { });
        dialog.open();
        // The item's (product) name was cut at the select's default width.
        assertThat(dialog.item.getWidth()).isEqualTo("100%");
        assertThat(dialog.quantity.getValue()).isEqualTo(2);
        assertThat(dialog.apply.isEnabled()).isFalse();
        dialog.quantity.setValue(0);
        dialog.previewButton.click();
        assertThat(dialog.quantity.isInvalid()).isTrue();
        assertThat(dialog.apply.isEnabled()).isFalse();

        login("fiona@example.com", Role.FINANCE);
        UI.getCurrent().navigate("subscriptions/" + id);
        SubscriptionView view = _get(SubscriptionView.class);
        assertThat(view.changeItem.isVisible() && view.changeItem.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.buyerChangesQuantity.isVisible()).isFalse();
    }
}
