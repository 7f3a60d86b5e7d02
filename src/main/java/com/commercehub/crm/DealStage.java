package com.commercehub.crm;

/** Where a deal stands, from the first appointment to won or lost. */
public enum DealStage {
    APPOINTMENT, QUALIFIED, PROPOSAL, CLOSED_WON, CLOSED_LOST;

    public boolean closed() {
        return this == CLOSED_WON || this == CLOSED_LOST;
    }
}
