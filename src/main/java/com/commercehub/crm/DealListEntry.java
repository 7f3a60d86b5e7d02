package com.commercehub.crm;

import com.commercehub.base.money.Money;

import java.time.LocalDate;

public record DealListEntry(long id, String name, DealStage stage, String companyName, String owner,
                            LocalDate closeDate, Money amount) {
}
