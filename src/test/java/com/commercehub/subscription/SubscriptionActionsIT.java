package com.commercehub.subscription;

import com.commercehub.base.money.Money;
import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.checkout.SubscribedBuyers;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.stripe.model.Subscription;
import com.stripe.param.InvoiceListParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every staff action on a subscription through the sandbox over HTTP: the record we show and the sandbox's own
 * state agree afterwards, the proration preview's amount is the one Stripe then bills, and what Stripe refuses
 * (a canceled subscription) is refused with a reason.
 * <p>
 * Quick retries and sweeps, as in {@code SubscriptionLifeIT}: paying a past-due invoice with the new card sends
 * several events about one invoice at once, and when two of them collide in the database the loser is retried,
 * in production 30 s later by the 10 s sweep. The test profile sweeps hourly, so without these the retry never
 * came within the test's wait. The context is closed afterwards so that its sweeper takes no other test's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hub.stripe.events.sweep-interval=PT0.3S", "hub.stripe.events.first-retry=PT0.2S",
        "hub.stripe.events.max-retry-delay=PT1S"})
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
@DirtiesContext
class SubscriptionActionsIT {

    @Autowired
    QuoteService quotes;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    com.commercehub.sandbox.SandboxClockService sandboxClock;
    @LocalServerPort
    int port;

    private SubscribedBuyers buyers;

    @BeforeEach
    void sandboxConnected() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        stripe.useSandbox();
        buyers = new SubscribedBuyers(quotes, deals, companies, contacts, jdbc, port, sandboxKey);
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @org.junit.jupiter.api.AfterEach
    void resetTheSandboxClock() {
        com.commercehub.testsupport.AsAdmin.call(sandboxClock::reset);
    }

    private SubscriptionDetails details(long id) {
        return subscriptions.get(id).orElseThrow();
    }

    private Subscription atStripe(String id) throws Exception {
        return buyers.stripe().v1().subscriptions().retrieve(id);
    }

    @Test
    void the_list_shows_state_buyer_items_amount_next_billing_and_mrr_and_filters() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        var found = subscriptions.page(new SubscriptionFilter(bought.email(), null), org.springframework.data.domain.PageRequest.of(0, 10));
        assertThat(found).hasSize(1);
        SubscriptionListEntry entry = found.getFirst();
        assertThat(entry.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(entry.buyerEmail()).isEqualTo(bought.email());
        assertThat(entry.items()).isEqualTo("2 × Licence");
        assertThat(entry.perPeriod()).isEqualTo(Money.of("198.00", "EUR"));
        assertThat(entry.monthlyRecurringRevenue()).isEqualTo(Money.of("198.00", "EUR"));
        assertThat(entry.nextBillingAt()).isNotNull();
        assertThat(subscriptions.count(new SubscriptionFilter(bought.email(), SubscriptionState.PAUSED))).isZero();
    }

    @Test
    void a_quantity_change_billed_now_charges_what_the_preview_said_and_both_sides_show_the_new_quantity() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        SubscriptionDetails before = details(bought.subscriptionId());
        String item = before.items().getFirst().stripeItemId();
        ItemChange change = new ItemChange(item, 3L, null, Proration.BILL_NOW);

        ProrationPreview preview = subscriptions.previewChange(before.id(), before.version(), change);
        // One more licence for (almost) the whole month: close to €99, never more.
        assertThat(preview.now()).isTrue();
        assertThat(preview.amountDue().amount()).isBetween(new BigDecimal("98.00"), new BigDecimal("99.00"));

        SubscriptionDetails after = subscriptions.changeItem(before.id(), before.version(), change);
        assertThat(after.items().getFirst().quantity()).isEqualByComparingTo("3");
        assertThat(after.summary().perPeriod()).isEqualTo(Money.of("297.00", "EUR"));
        assertThat(atStripe(bought.stripeSubscriptionId()).getItems().getData().getFirst().getQuantity()).isEqualTo(3L);
        var invoices = buyers.stripe().v1().invoices().list(InvoiceListParams.builder()
                .setSubscription(bought.stripeSubscriptionId()).build()).getData();
        var proration = invoices.stream().filter(i -> "subscription_update".equals(i.getBillingReason())).findFirst().orElseThrow();
        assertThat(Money.of(BigDecimal.valueOf(proration.getAmountDue()).movePointLeft(2), "EUR").amount())
                .isEqualByComparingTo(preview.amountDue().amount());
        assertThat(after.events()).extracting(SubscriptionDetails.Event::kind).contains("quantity-changed");
        assertThat(after.events().getFirst().actor()).isEqualTo("sam@example.com");
    }

    @Test
    void a_prorated_change_previews_the_next_renewal_with_the_new_quantity_plus_the_proration() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        SubscriptionDetails before = details(bought.subscriptionId());
        String item = before.items().getFirst().stripeItemId();
        ProrationPreview none = subscriptions.previewChange(before.id(), before.version(),
                new ItemChange(item, 1L, null, Proration.NONE));
        assertThat(none.now()).isFalse();
        assertThat(none.amountDue()).isEqualTo(Money.of("99.00", "EUR"));
        assertThat(none.chargedAt()).isEqualTo(before.currentPeriodEnd());
        ProrationPreview prorated = subscriptions.previewChange(before.id(), before.version(),
                new ItemChange(item, 1L, null, Proration.PRORATE));
        // €99 next month minus a credit of nearly €99 for the unused licence.
        assertThat(prorated.amountDue().amount()).isBetween(new BigDecimal("0.00"), new BigDecimal("1.00"));
        // A preview changes nothing.
        assertThat(atStripe(bought.stripeSubscriptionId()).getItems().getData().getFirst().getQuantity()).isEqualTo(2L);
    }

    @Test
    void pause_and_resume_reach_stripe_and_the_record() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        SubscriptionDetails paused = subscriptions.pause(bought.subscriptionId(), details(bought.subscriptionId()).version());
        assertThat(paused.state()).isEqualTo(SubscriptionState.PAUSED);
        assertThat(atStripe(bought.stripeSubscriptionId()).getPauseCollection()).isNotNull();
        assertThatThrownBy(() -> subscriptions.pause(paused.id(), paused.version()))
                .isInstanceOf(SubscriptionRefusedException.class).hasMessageContaining("already-paused");
        SubscriptionDetails resumed = subscriptions.resume(paused.id(), paused.version());
        assertThat(resumed.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(atStripe(bought.stripeSubscriptionId()).getPauseCollection()).isNull();
        assertThat(resumed.events()).extracting(SubscriptionDetails.Event::kind).contains("paused", "resumed");
    }

    @Test
    void cancel_at_period_end_then_now_with_reasons_and_a_canceled_subscription_refuses_changes() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        SubscriptionDetails scheduled = subscriptions.cancel(bought.subscriptionId(), details(bought.subscriptionId()).version(),
                true, "Budget cut");
        assertThat(scheduled.state()).isEqualTo(SubscriptionState.SCHEDULED_TO_CANCEL);
        assertThat(scheduled.cancellationReason()).isEqualTo("Budget cut");
        assertThat(scheduled.summary().nextBillingAt()).isNull();
        Subscription atStripe = atStripe(bought.stripeSubscriptionId());
        assertThat(atStripe.getCancelAtPeriodEnd()).isTrue();
        assertThat(atStripe.getCancellationDetails().getComment()).isEqualTo("Budget cut");

        SubscriptionDetails canceled = subscriptions.cancel(scheduled.id(), scheduled.version(), false, "Moved to a competitor");
        assertThat(canceled.state()).isEqualTo(SubscriptionState.CANCELED);
        assertThat(atStripe(bought.stripeSubscriptionId()).getStatus()).isEqualTo("canceled");
        assertThat(canceled.summary().monthlyRecurringRevenue()).isEqualTo(Money.of("0.00", "EUR"));

        String item = canceled.items().getFirst().stripeItemId();
        assertThatThrownBy(() -> subscriptions.changeItem(canceled.id(), canceled.version(),
                new ItemChange(item, 5L, null, Proration.NONE)))
                .isInstanceOf(SubscriptionRefusedException.class).hasMessageContaining("subscription.refused.canceled");
        assertThatThrownBy(() -> subscriptions.pause(canceled.id(), canceled.version()))
                .isInstanceOf(SubscriptionRefusedException.class);
    }

    @Test
    void a_stale_version_is_refused_and_nothing_reaches_stripe() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        SubscriptionDetails seen = details(bought.subscriptionId());
        subscriptions.pause(seen.id(), seen.version());
        assertThatThrownBy(() -> subscriptions.cancel(seen.id(), seen.version(), false, null))
                .isInstanceOf(SubscriptionRefusedException.class).hasMessageContaining("stale");
        assertThat(atStripe(bought.stripeSubscriptionId()).getStatus()).isEqualTo("active");
    }

    @Test
    void the_payment_method_link_saves_a_card_that_becomes_the_subscription_default() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        String before = atStripe(bought.stripeSubscriptionId()).getDefaultPaymentMethod();
        saveCardThroughTheEmailedLink(bought, "5555555555554444");
        String after = atStripe(bought.stripeSubscriptionId()).getDefaultPaymentMethod();
        assertThat(after).isNotEqualTo(before).startsWith("pm_");
        assertThat(details(bought.subscriptionId()).events()).extracting(SubscriptionDetails.Event::kind)
                .contains("payment-method-updated", "payment-method-link-sent");
    }

    @Test
    void a_failed_renewal_is_past_due_in_list_and_history_and_a_card_saved_through_the_link_pays_it() throws Exception {
        SubscribedBuyers.Subscribed bought = buyers.subscribe();
        buyers.stripe().v1().subscriptions().update(bought.stripeSubscriptionId(),
                com.stripe.param.SubscriptionUpdateParams.builder().setDefaultPaymentMethod("pm_card_chargeCustomerFail").build());
        buyers.eventsProcessed();
        sandboxClock.advance(java.time.Duration.ofDays(32));
        buyers.eventsProcessed();
        SubscriptionDetails pastDue = details(bought.subscriptionId());
        assertThat(pastDue.state()).isEqualTo(SubscriptionState.PAST_DUE);
        assertThat(subscriptions.count(new SubscriptionFilter(bought.email(), SubscriptionState.PAST_DUE))).isEqualTo(1);
        assertThat(pastDue.events()).extracting(SubscriptionDetails.Event::kind).contains("invoice-failed");

        saveCardThroughTheEmailedLink(bought, "4242424242424242");
        SubscriptionDetails active = details(bought.subscriptionId());
        assertThat(active.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(atStripe(bought.stripeSubscriptionId()).getStatus()).isEqualTo("active");
        assertThat(active.events()).extracting(SubscriptionDetails.Event::kind).contains("retry-paid", "invoice-paid");
        assertThat(active.payments().getFirst().status()).isEqualTo("SUCCEEDED");
    }

    /** Staff send the link; the buyer opens the e-mailed setup page and saves a card there. */
    private void saveCardThroughTheEmailedLink(SubscribedBuyers.Subscribed bought, String card) throws Exception {
        String to = subscriptions.sendPaymentMethodLink(bought.subscriptionId(), details(bought.subscriptionId()).version());
        assertThat(to).isEqualTo(bought.email());
        String text = jdbc.sql("""
                        SELECT text_body FROM email_outbox WHERE kind = 'subscription.payment-method-link' AND recipient = :r
                        ORDER BY id DESC LIMIT 1""")
                .param("r", bought.email()).query(String.class).single();
        assertThat(text).contains("/portal/");
        var match = java.util.regex.Pattern.compile("http\\S*/sandbox/checkout/cs_\\w+").matcher(text);
        assertThat(match.find()).as(text).isTrue();
        String url = match.group();
        var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        var answer = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=" + card + "&email=" + bought.email())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(303);
        buyers.eventsProcessed();
    }
}
