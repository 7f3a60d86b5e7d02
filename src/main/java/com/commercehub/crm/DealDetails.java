package com.commercehub.crm;

import com.commercehub.base.money.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A deal with its company, contacts and lines; {@code amount} is the sum of the lines' nets (the first
 * payment); {@link #split()} keeps one-time and recurring money apart, as the deal page shows it.
 */
public record DealDetails(long id, long version, String name, String owner, DealStage stage, Currency currency,
                          CompanySummary company, List<ContactSummary> contacts, LocalDate closeDate,
                          List<LineItemDetails> lines, Money amount) {

    public BillingSplit split() {
        return BillingSplit.of(currency, lines);
    }
}
