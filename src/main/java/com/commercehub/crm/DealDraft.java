package com.commercehub.crm;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;

public record DealDraft(String name, String owner, DealStage stage, Currency currency, Long companyId,
                        Set<Long> contactIds, LocalDate closeDate) {
}
