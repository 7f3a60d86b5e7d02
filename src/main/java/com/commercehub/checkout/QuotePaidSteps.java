package com.commercehub.checkout;

import com.commercehub.base.money.Money;
import com.commercehub.crm.DealOutcomes;
import com.commercehub.quote.PaidQuotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What follows when a quote's money is in: quote Paid, deal won, owner told — run once, by whoever saw it first. */
@Component
class QuotePaidSteps {

    private static final Logger log = LoggerFactory.getLogger(QuotePaidSteps.class);

    private final PaidQuotes quotes;
    private final DealOutcomes deals;
    private final PaymentNotifications notifications;

    QuotePaidSteps(PaidQuotes quotes, DealOutcomes deals, PaymentNotifications notifications) {
        this.quotes = quotes;
        this.deals = deals;
        this.notifications = notifications;
    }

    void paid(PaidQuotes.Target quote, Money amount) {
        if (!quotes.markPaid(quote.quoteId(), quote.version())) {
            log.warn("Quote {} v{} was paid after it stopped being payable (recalled, replaced or expired meanwhile)",
                    quote.quoteId(), quote.version());
        }
        deals.closeWon(quote.dealId());
        notifications.quotePaid(quote, amount);
    }
}
