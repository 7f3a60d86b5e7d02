package com.commercehub.quote;

/**
 * A change the lifecycle does not allow: a status change outside {@link QuoteStatus#canMoveTo}, or
 * editing a quote whose content is frozen. Nothing changed.
 */
public class QuoteTransitionException extends RuntimeException {

    private final QuoteStatus from;
    private final String messageKey;

    QuoteTransitionException(QuoteStatus from, QuoteStatus to) {
        this(from, "quote.transition.refused", "A quote cannot go from " + from + " to " + to);
    }

    private QuoteTransitionException(QuoteStatus from, String messageKey, String message) {
        super(message);
        this.from = from;
        this.messageKey = messageKey;
    }

    static QuoteTransitionException frozen(QuoteStatus status) {
        return new QuoteTransitionException(status, "quote.frozen",
                "A " + status + " quote cannot be edited; recall it first");
    }

    public QuoteStatus from() {
        return from;
    }

    /** Translation key of the message for users; its argument is the status's own key. */
    public String messageKey() {
        return messageKey;
    }
}
