package com.commercehub.checkout;

import com.commercehub.quote.PayableQuote;
import com.commercehub.quote.QuoteContent;
import com.commercehub.stripe.IdempotencyKeys;
import com.commercehub.stripe.PaymentAccount;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerSearchParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The Stripe customer a buyer pays as: one per connected account and e-mail address. Known ones come
 * from {@code stripe_customer}; otherwise the account is asked (list by e-mail, which Stripe answers
 * at once, then search, which also finds other spellings of the address), and only then is one made —
 * with a key derived from account and address, so checkouts starting together make one customer.
 * The customer is also remembered on the contact, per account.
 */
@Component
class CheckoutCustomers {

    private final JdbcClient jdbc;
    private final Clock clock;

    CheckoutCustomers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String customerFor(PaymentAccount account, PayableQuote quote) throws StripeException {
        QuoteContent content = quote.content();
        String name = content.companyName() != null && !content.companyName().isBlank()
                ? content.companyName() : content.buyerName();
        return customerFor(account, new Buyer(content.buyerEmail(), name, Locale.forLanguageTag(content.locale()),
                quote.contactId()));
    }

    /** Who pays, as a customer needs it; {@code contactId} may be null (an invoice made from scratch). */
    record Buyer(String email, String name, Locale locale, Long contactId) {
    }

    String customerFor(PaymentAccount account, Buyer buyer) throws StripeException {
        String email = buyer.email().strip();
        String key = email.toLowerCase(Locale.ROOT);
        String customer = known(account.accountId(), key).orElse(null);
        if (customer == null) {
            customer = atStripe(account, email).orElse(null);
            if (customer == null) {
                customer = create(account, buyer, email, key);
            }
            jdbc.sql("""
                            INSERT IGNORE INTO stripe_customer (account_id, email_key, customer_id, created_at)
                            VALUES (:account, :key, :customer, :now)""")
                    .param("account", account.accountId()).param("key", key).param("customer", customer)
                    .param("now", Timestamp.from(clock.instant())).update();
            // Whoever stored first wins; everyone then uses that one.
            customer = known(account.accountId(), key).orElseThrow();
        }
        if (buyer.contactId() == null) {
            return customer;
        }
        jdbc.sql("""
                        INSERT INTO contact_stripe_customer (contact, account_id, customer_id, updated_at)
                        VALUES (:contact, :account, :customer, :now)
                        ON DUPLICATE KEY UPDATE customer_id = VALUES(customer_id), updated_at = VALUES(updated_at)""")
                .param("contact", buyer.contactId()).param("account", account.accountId()).param("customer", customer)
                .param("now", Timestamp.from(clock.instant())).update();
        return customer;
    }

    /** Stripe no longer has the customer (deleted in the Dashboard): the next checkout finds or makes another. */
    void forget(PaymentAccount account, String customerId) {
        jdbc.sql("DELETE FROM stripe_customer WHERE account_id = :account AND customer_id = :customer")
                .param("account", account.accountId()).param("customer", customerId).update();
        jdbc.sql("DELETE FROM contact_stripe_customer WHERE account_id = :account AND customer_id = :customer")
                .param("account", account.accountId()).param("customer", customerId).update();
    }

    private Optional<String> known(String account, String key) {
        return jdbc.sql("SELECT customer_id FROM stripe_customer WHERE account_id = :account AND email_key = :key")
                .param("account", account).param("key", key).query(String.class).optional();
    }

    private static Optional<String> atStripe(PaymentAccount account, String email) throws StripeException {
        Optional<String> listed = account.client().v1().customers()
                .list(CustomerListParams.builder().setEmail(email).setLimit(1L).build())
                .getData().stream().map(Customer::getId).findFirst();
        if (listed.isPresent()) {
            return listed;
        }
        String quoted = email.replace("\\", "\\\\").replace("'", "\\'");
        return account.client().v1().customers()
                .search(CustomerSearchParams.builder().setQuery("email:'" + quoted + "'").setLimit(1L).build())
                .getData().stream().map(Customer::getId).findFirst();
    }

    private static String create(PaymentAccount account, Buyer buyer, String email, String key)
            throws StripeException {
        CustomerCreateParams.Builder params = CustomerCreateParams.builder().setEmail(email).setName(buyer.name())
                .addPreferredLocale(buyer.locale().getLanguage());
        if (buyer.contactId() != null) {
            params.putMetadata("contact_id", String.valueOf(buyer.contactId()));
        }
        try {
            return account.client().v1().customers()
                    .create(params.build(), IdempotencyKeys.forWrite("customer", account.accountId(), key)).getId();
        } catch (IdempotencyException sameKeyOtherName) {
            // Another checkout made this address's customer a moment ago with other details: use that one.
            return atStripe(account, email).orElseThrow(() -> sameKeyOtherName);
        }
    }
}
