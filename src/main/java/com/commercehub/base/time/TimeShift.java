package com.commercehub.base.time;

import java.time.Duration;

/**
 * Moves business time ahead of the wall clock. The Stripe sandbox implements it with its clock (an
 * admin advancing it sees quotes expire as they would that much later); with real Stripe, none does.
 */
public interface TimeShift {

    /** How far business time is ahead now; zero when not shifting. */
    Duration shift();
}
