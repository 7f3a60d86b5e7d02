package com.commercehub.subscription;

/**
 * An action on a subscription that we or Stripe refuse (canceled, changed meanwhile, already paused …);
 * {@code messageKey} says why in the user's language, {@code stripeMessage} is Stripe's own text if it refused.
 */
public class SubscriptionRefusedException extends RuntimeException {

    private final String messageKey;
    private final String stripeMessage;

    public SubscriptionRefusedException(String messageKey) {
        this(messageKey, null);
    }

    public SubscriptionRefusedException(String messageKey, String stripeMessage) {
        super(stripeMessage == null ? messageKey : messageKey + ": " + stripeMessage);
        this.messageKey = messageKey;
        this.stripeMessage = stripeMessage;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Stripe's reason when Stripe refused, else null. */
    public String stripeMessage() {
        return stripeMessage;
    }
}
