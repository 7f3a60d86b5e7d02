package com.commercehub.invoice;

import com.commercehub.crm.DiscountKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/**
 * The parts of an invoice other than its lines, as entered. {@code contactId}, {@code companyId} and
 * {@code dealId} link it to the CRM and may be null; {@code dueDate} counts only with
 * {@link PaymentTerms#ON_DATE}; {@code discountKind}/{@code discountValue} is an invoice-level discount.
 */
public record InvoiceHeader(Long dealId, Long contactId, Long companyId, String buyerName, String buyerEmail,
                            Locale locale, Currency currency, LocalDate issueDate, PaymentTerms terms,
                            LocalDate dueDate, DiscountKind discountKind, BigDecimal discountValue,
                            boolean allowPartialPayments, String comments, String footer) {
}
