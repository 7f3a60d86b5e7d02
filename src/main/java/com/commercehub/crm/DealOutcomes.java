package com.commercehub.crm;

import com.commercehub.base.time.BusinessCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * What the outside world settles about a deal, for features that learn of it without a signed-in
 * user (a buyer's payment, processed from Stripe's events): not a secured service on purpose, and it
 * joins the caller's transaction.
 */
@Component
public class DealOutcomes {

    private final DealRepository deals;
    private final BusinessCalendar calendar;
    private final Clock clock;

    DealOutcomes(DealRepository deals, BusinessCalendar calendar, Clock clock) {
        this.deals = deals;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The deal is won (its buyer paid); true when this call moved it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean closeWon(long dealId) {
        return deals.findById(dealId).map(deal -> {
            boolean moved = deal.closeWon(calendar.today(), clock.instant());
            if (moved) {
                deals.save(deal);
            }
            return moved;
        }).orElse(false);
    }

    /** An automation moved the deal to {@code stage}; true when it was elsewhere before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean moveToStage(long dealId, DealStage stage) {
        return deals.findById(dealId).map(deal -> {
            boolean moved = deal.moveToStage(stage, calendar.today(), clock.instant());
            if (moved) {
                deals.save(deal);
            }
            return moved;
        }).orElse(false);
    }
}
