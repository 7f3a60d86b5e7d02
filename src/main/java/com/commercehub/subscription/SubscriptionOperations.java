package com.commercehub.subscription;

import com.commercehub.base.money.Money;
import com.commercehub.checkout.SubscriptionSync;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.commercehub.stripe.PaymentAccounts;
import com.commercehub.stripe.StripeAmounts;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Invoice;
import com.stripe.model.Price;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.net.RequestOptions;
import com.stripe.param.common.EmptyParam;
import com.stripe.param.InvoiceCreatePreviewParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.SubscriptionCancelParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The changes staff and buyers make to a subscription, each sent to Stripe with a deterministic idempotency key
 * (subscription, the record's version the user saw, the action and its values: a double click replays Stripe's
 * first answer) and only then written back — by re-reading the subscription from Stripe through checkout's
 * refresh — with a history entry. Stripe is called outside any database transaction. What Stripe would refuse
 * is refused here first with a clear reason; whatever Stripe refuses all the same comes back as its own text.
 */
@Component
class SubscriptionOperations {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionOperations.class);

    private final SubscriptionQueries queries;
    private final PaymentAccounts accounts;
    private final SubscriptionSync sync;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SubscriptionOperations(SubscriptionQueries queries, PaymentAccounts accounts, SubscriptionSync sync,
                           TransactionTemplate transactions, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.sync = sync;
        this.transactions = transactions;
        this.clock = clock;
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run(PaymentAccount account) throws StripeException;
    }

    /** The subscription as the user saw it: refused if it changed since ({@code version}) or does not exist. */
    SubscriptionDetails current(long id, long version) {
        SubscriptionDetails details = transactions.execute(tx -> queries.details(id))
                .orElseThrow(() -> new SubscriptionRefusedException("subscription.refused.not-found"));
        if (details.version() != version) {
            throw new SubscriptionRefusedException("subscription.refused.stale");
        }
        return details;
    }

    ProrationPreview preview(SubscriptionDetails subscription, ItemChange change) {
        requireOpen(subscription);
        SubscriptionDetails.Item item = item(subscription, change);
        return stripe(account -> {
            String price = priceFor(account, subscription, change);
            var items = InvoiceCreatePreviewParams.SubscriptionDetails.Item.builder().setId(item.stripeItemId());
            if (change.quantity() != null) {
                items.setQuantity(change.quantity());
            }
            if (price != null) {
                items.setPrice(price);
            }
            long now = clock.instant().getEpochSecond();
            Invoice invoice = account.client().v1().invoices().createPreview(InvoiceCreatePreviewParams.builder()
                    .setSubscription(subscription.summary().stripeSubscriptionId())
                    .setSubscriptionDetails(InvoiceCreatePreviewParams.SubscriptionDetails.builder()
                            .addItem(items.build()).setProrationDate(now)
                            .setProrationBehavior(InvoiceCreatePreviewParams.SubscriptionDetails.ProrationBehavior
                                    .valueOf(change.proration().stripeValue().toUpperCase(Locale.ROOT)))
                            .build()).build());
            Long attempt = invoice.getNextPaymentAttempt();
            return new ProrationPreview(StripeAmounts.fromMinorUnits(invoice.getAmountDue(), invoice.getCurrency()),
                    attempt == null ? null : Instant.ofEpochSecond(attempt), change.proration() == Proration.BILL_NOW);
        });
    }

    void changeItem(SubscriptionDetails subscription, ItemChange change, Actor actor) {
        requireOpen(subscription);
        SubscriptionDetails.Item item = item(subscription, change);
        update(subscription, actor, "quantity-changed", describe(item, change), account -> {
            String price = priceFor(account, subscription, change);
            var items = SubscriptionUpdateParams.Item.builder().setId(item.stripeItemId());
            if (change.quantity() != null) {
                items.setQuantity(change.quantity());
            }
            if (price != null) {
                items.setPrice(price);
            }
            return account.client().v1().subscriptions().update(subscription.summary().stripeSubscriptionId(),
                    SubscriptionUpdateParams.builder().addItem(items.build())
                            .setProrationBehavior(SubscriptionUpdateParams.ProrationBehavior.valueOf(
                                    change.proration().stripeValue().toUpperCase(Locale.ROOT))).build(),
                    key(subscription, "items", item.stripeItemId(), change.quantity(), change.unitAmount(),
                            change.proration()));
        });
    }

    void pause(SubscriptionDetails subscription, Actor actor) {
        requireOpen(subscription);
        if (subscription.state() == SubscriptionState.PAUSED) {
            throw new SubscriptionRefusedException("subscription.refused.already-paused");
        }
        update(subscription, actor, "paused", null, account -> account.client().v1().subscriptions().update(
                subscription.summary().stripeSubscriptionId(), SubscriptionUpdateParams.builder()
                        .setPauseCollection(SubscriptionUpdateParams.PauseCollection.builder()
                                .setBehavior(SubscriptionUpdateParams.PauseCollection.Behavior.VOID).build()).build(),
                key(subscription, "pause")));
    }

    void resume(SubscriptionDetails subscription, Actor actor) {
        requireOpen(subscription);
        if (subscription.state() != SubscriptionState.PAUSED) {
            throw new SubscriptionRefusedException("subscription.refused.not-paused");
        }
        update(subscription, actor, "resumed", null, account -> account.client().v1().subscriptions().update(
                subscription.summary().stripeSubscriptionId(),
                SubscriptionUpdateParams.builder().setPauseCollection(EmptyParam.EMPTY).build(), key(subscription, "resume")));
    }

    void cancel(SubscriptionDetails subscription, boolean atPeriodEnd, String reason, Actor actor) {
        requireOpen(subscription);
        String comment = reason == null || reason.isBlank() ? null : reason.strip();
        if (comment != null && comment.length() > 500) {
            throw new SubscriptionRefusedException("subscription.refused.reason-too-long");
        }
        if (atPeriodEnd) {
            if (subscription.state() == SubscriptionState.SCHEDULED_TO_CANCEL) {
                throw new SubscriptionRefusedException("subscription.refused.already-scheduled");
            }
            var details = SubscriptionUpdateParams.CancellationDetails.builder();
            if (comment != null) {
                details.setComment(comment);
            }
            update(subscription, actor, "cancel-scheduled", comment, account -> account.client().v1().subscriptions().update(
                    subscription.summary().stripeSubscriptionId(), SubscriptionUpdateParams.builder()
                            .setCancelAtPeriodEnd(true).setCancellationDetails(details.build()).build(),
                    key(subscription, "cancel-at-period-end")));
        } else {
            var details = SubscriptionCancelParams.CancellationDetails.builder();
            if (comment != null) {
                details.setComment(comment);
            }
            update(subscription, actor, "canceled", comment, account -> account.client().v1().subscriptions().cancel(
                    subscription.summary().stripeSubscriptionId(),
                    SubscriptionCancelParams.builder().setCancellationDetails(details.build()).build(),
                    key(subscription, "cancel-now")));
        }
    }

    /**
     * A Checkout Session in setup mode for the subscription's customer: the buyer saves a card there, and the
     * {@code checkout.session.completed} handler makes it the subscription's payment method.
     */
    String paymentMethodSession(SubscriptionDetails subscription, String returnUrl, Locale locale) {
        requireOpen(subscription);
        return stripe(account -> {
            Subscription stripeSubscription = account.client().v1().subscriptions()
                    .retrieve(subscription.summary().stripeSubscriptionId());
            SessionCreateParams.Builder params = SessionCreateParams.builder().setMode(SessionCreateParams.Mode.SETUP)
                    .setCustomer(stripeSubscription.getCustomer()).setCurrency(stripeSubscription.getCurrency())
                    .setSuccessUrl(returnUrl).setCancelUrl(returnUrl)
                    .putMetadata(PaymentMethodUpdates.METADATA_SUBSCRIPTION, stripeSubscription.getId())
                    .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                            .putMetadata(PaymentMethodUpdates.METADATA_SUBSCRIPTION, stripeSubscription.getId()).build());
            for (SessionCreateParams.Locale candidate : SessionCreateParams.Locale.values()) {
                if (candidate.getValue().equals(locale.getLanguage())) {
                    params.setLocale(candidate);
                }
            }
            // One session per subscription and minute: a double click reuses it, a later request gets a fresh one.
            long minute = clock.instant().getEpochSecond() / 60;
            return account.client().v1().checkout().sessions().create(params.build(),
                    IdempotencyKeys.forWrite("subscription", subscription.id(), "setup", minute)).getUrl();
        });
    }

    void setBuyerChangesQuantity(SubscriptionDetails subscription, boolean allowed, Actor actor) {
        transactions.executeWithoutResult(tx -> {
            queries.buyerChangesQuantity(subscription.id(), allowed);
            queries.recordEvent(subscription.id(), clock.instant(), actor.kind(), actor.name(),
                    allowed ? "portal-quantity-allowed" : "portal-quantity-denied", null);
        });
    }

    void record(long subscriptionId, Actor actor, String kind, String detail) {
        queries.recordEvent(subscriptionId, clock.instant(), actor.kind(), actor.name(), kind, detail);
    }

    private void update(SubscriptionDetails subscription, Actor actor, String kind, String detail,
                        StripeCall<Subscription> call) {
        PaymentAccount account = account();
        try {
            call.run(account);
        } catch (StripeException refused) {
            throw refusal(refused);
        }
        // Stripe has confirmed: now our record follows, re-read from Stripe as the webhook would.
        transactions.executeWithoutResult(tx -> {
            try {
                sync.refresh(account, subscription.summary().stripeSubscriptionId());
            } catch (StripeException unreadable) {
                // The webhook will bring the record up to date; the change itself is done at Stripe.
                log.warn("Subscription {} changed at Stripe but could not be re-read: {}", subscription.id(),
                        unreadable.getMessage());
            }
            queries.recordEvent(subscription.id(), clock.instant(), actor.kind(), actor.name(), kind, detail);
        });
    }

    private <T> T stripe(StripeCall<T> call) {
        try {
            return call.run(account());
        } catch (StripeException refused) {
            throw refusal(refused);
        }
    }

    private PaymentAccount account() {
        return accounts.connected().orElseThrow(() -> new SubscriptionRefusedException("subscription.refused.not-connected"));
    }

    private static SubscriptionRefusedException refusal(StripeException exception) {
        if (exception instanceof InvalidRequestException invalid && invalid.getStripeError() != null) {
            return new SubscriptionRefusedException("subscription.refused.stripe", invalid.getStripeError().getMessage());
        }
        log.warn("Stripe could not be reached for a subscription change: {}", exception.getMessage());
        return new SubscriptionRefusedException("subscription.refused.unavailable");
    }

    private static void requireOpen(SubscriptionDetails subscription) {
        if (subscription.state().ended()) {
            // Stripe refuses every change to a canceled subscription but its metadata.
            throw new SubscriptionRefusedException("subscription.refused.canceled");
        }
    }

    private static SubscriptionDetails.Item item(SubscriptionDetails subscription, ItemChange change) {
        SubscriptionDetails.Item item = subscription.items().stream()
                .filter(candidate -> candidate.stripeItemId().equals(change.stripeItemId())).findFirst()
                .orElseThrow(() -> new SubscriptionRefusedException("subscription.refused.no-item"));
        if (change.quantity() != null && change.quantity() < 1) {
            throw new SubscriptionRefusedException("subscription.refused.quantity");
        }
        if (change.unitAmount() != null && (change.unitAmount().signum() < 0
                || !StripeAmounts.isExactlyRepresentable(new Money(change.unitAmount(), item.unitAmount().currency())))) {
            throw new SubscriptionRefusedException("subscription.refused.price");
        }
        boolean sameQuantity = change.quantity() == null || item.quantity().compareTo(java.math.BigDecimal.valueOf(change.quantity())) == 0;
        boolean samePrice = change.unitAmount() == null || item.unitAmount().amount().compareTo(change.unitAmount()) == 0;
        if (sameQuantity && samePrice) {
            throw new SubscriptionRefusedException("subscription.refused.unchanged");
        }
        return item;
    }

    /** A new unit amount needs a Price at Stripe: of the item's product and interval, made once per amount. */
    private String priceFor(PaymentAccount account, SubscriptionDetails subscription, ItemChange change) throws StripeException {
        if (change.unitAmount() == null) {
            return null;
        }
        Subscription stripeSubscription = account.client().v1().subscriptions()
                .retrieve(subscription.summary().stripeSubscriptionId());
        SubscriptionItem item = stripeSubscription.getItems().getData().stream()
                .filter(candidate -> candidate.getId().equals(change.stripeItemId())).findFirst()
                .orElseThrow(() -> new SubscriptionRefusedException("subscription.refused.no-item"));
        Price current = item.getPrice();
        Money amount = new Money(change.unitAmount(), subscription.summary().perPeriod().currency());
        return account.client().v1().prices().create(PriceCreateParams.builder()
                        .setCurrency(current.getCurrency()).setProduct(current.getProduct())
                        .setUnitAmount(StripeAmounts.toMinorUnits(amount)).setNickname(current.getNickname())
                        .setRecurring(PriceCreateParams.Recurring.builder()
                                .setInterval(PriceCreateParams.Recurring.Interval.valueOf(
                                        current.getRecurring().getInterval().toUpperCase(Locale.ROOT)))
                                .setIntervalCount(current.getRecurring().getIntervalCount()).build()).build(),
                IdempotencyKeys.forWrite("subscription", subscription.id(), "item", change.stripeItemId(), "price",
                        StripeAmounts.toMinorUnits(amount))).getId();
    }

    private static RequestOptions key(SubscriptionDetails subscription, Object... action) {
        Object[] parts = new Object[action.length + 3];
        parts[0] = "subscription";
        parts[1] = subscription.id();
        parts[2] = "v" + subscription.version();
        for (int i = 0; i < action.length; i++) {
            parts[i + 3] = Objects.requireNonNullElse(action[i], "same");
        }
        return IdempotencyKeys.forWrite(parts);
    }

    private static String describe(SubscriptionDetails.Item item, ItemChange change) {
        StringBuilder text = new StringBuilder(item.description() == null ? item.stripeItemId() : item.description());
        if (change.quantity() != null) {
            text.append(": ").append(item.quantity().stripTrailingZeros().toPlainString()).append(" → ").append(change.quantity());
        }
        if (change.unitAmount() != null) {
            text.append(", ").append(item.unitAmount().amount().toPlainString()).append(" → ")
                    .append(change.unitAmount().toPlainString()).append(' ').append(item.unitAmount().currency());
        }
        return text.append(" (").append(change.proration().stripeValue()).append(')').toString();
    }
}
