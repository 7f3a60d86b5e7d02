package com.commercehub.crm;

import com.commercehub.base.money.Money;

import java.time.LocalDate;

public record DealListEntry(long id, String name, DealStage stage, String companyName, String owner,
                            LocalDate closeDate, Money amount, BillingSplit split) {

    /** As listed before the split was kept: {@code amount} alone, all of it one-time. */
    public DealListEntry(long id, String name, DealStage stage, String companyName, String owner,
                         LocalDate closeDate, Money amount) {
        this(id, name, stage, companyName, owner, closeDate, amount, new BillingSplit(amount, java.util.Map.of()));
    }
}
