package com.commercehub.crm;

import com.commercehub.base.money.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** A deal with its company, contacts and lines; {@code amount} is the sum of the lines' nets. */
public record DealDetails(long id, long version, String name, String owner, DealStage stage, Currency currency,
                          CompanySummary company, List<ContactSummary> contacts, LocalDate closeDate,
                          List<LineItemDetails> lines, Money amount) {
}
