package com.commercehub.quote;

/**
 * A change the lifecycle does not allow: a status change outside {@link QuoteStatus#canMoveTo}, or
 * editing a quote whose content is frozen. Nothing changed.
 */
public class QuoteTransitionException extends RuntimeException {

    private final QuoteStatus from;
    private final QuoteStatus to;
    private final String messageKey;

    QuoteTransitionException(QuoteStatus from, QuoteStatus to) {
        this(from, to, "quote.transition.refused", "A quote cannot go from " + from + " to " + to);
    }

    private QuoteTransitionException(QuoteStatus from, QuoteStatus to, String messageKey, String message) {
        super(message);
        this.from = from;
        this.to = to;
        this.messageKey = messageKey;
    }

    static QuoteTransitionException frozen(QuoteStatus status) {
        return new QuoteTransitionException(status, status, "quote.frozen",
                "A " + status + " quote cannot be edited; recall it first");
    }

    public QuoteStatus from() {
        return from;
    }

    public QuoteStatus to() {
        return to;
    }

    /** Translation key of the message for users; its argument is the status's own key. */
    public String messageKey() {
        return messageKey;
    }
}
