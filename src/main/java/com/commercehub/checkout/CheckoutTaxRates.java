package com.commercehub.checkout;

import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.stripe.exception.StripeException;
import com.stripe.param.TaxRateCreateParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * Stripe tax rates for checkouts: one per account, percentage, inclusive or not, and display name,
 * made on first use (with a key derived from exactly those) and reused from {@code stripe_tax_rate}.
 */
@Component
class CheckoutTaxRates {

    private final JdbcClient jdbc;
    private final Clock clock;

    CheckoutTaxRates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String rateFor(PaymentAccount account, CheckoutPlan.Tax tax, String displayName) throws StripeException {
        Optional<String> known = known(account, tax, displayName);
        if (known.isPresent()) {
            return known.get();
        }
        String percentage = tax.percentage().toPlainString();
        String id = account.client().v1().taxRates().create(TaxRateCreateParams.builder()
                        .setDisplayName(displayName).setPercentage(new BigDecimal(percentage))
                        .setInclusive(tax.inclusive()).build(),
                IdempotencyKeys.forWrite("tax-rate", account.accountId(), percentage,
                        tax.inclusive() ? "inclusive" : "exclusive", displayName)).getId();
        jdbc.sql("""
                        INSERT IGNORE INTO stripe_tax_rate (account_id, percentage, inclusive, display_name, tax_rate_id,
                                                            created_at)
                        VALUES (:account, :percentage, :inclusive, :name, :id, :now)""")
                .param("account", account.accountId()).param("percentage", tax.percentage())
                .param("inclusive", tax.inclusive()).param("name", displayName).param("id", id)
                .param("now", Timestamp.from(clock.instant())).update();
        return known(account, tax, displayName).orElseThrow();
    }

    private Optional<String> known(PaymentAccount account, CheckoutPlan.Tax tax, String displayName) {
        return jdbc.sql("""
                        SELECT tax_rate_id FROM stripe_tax_rate
                        WHERE account_id = :account AND percentage = :percentage AND inclusive = :inclusive
                          AND display_name = :name""")
                .param("account", account.accountId()).param("percentage", tax.percentage())
                .param("inclusive", tax.inclusive()).param("name", displayName)
                .query(String.class).optional();
    }
}
