package com.commercehub.quote;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductTestData;
import com.commercehub.testsupport.AsAdmin;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/** A deal with a buyer and line items to make quotes from, for quote tests. */
public final class QuoteTestData {

    private QuoteTestData() {
    }

    /** Empties quotes, deals, CRM and the library, and resets numbering to Q-1001 / 30 days. */
    public static void clear(JdbcClient jdbc) {
        ProductTestData.clear(jdbc);
        jdbc.sql("DELETE FROM contact").update();
        jdbc.sql("DELETE FROM company").update();
        jdbc.sql("UPDATE quote_settings SET number_prefix = 'Q-', next_number = 1001, expiry_days = 30, default_terms = NULL")
                .update();
    }

    /** Makes sure a staff member exists (quote owners and countersigners must be users). */
    public static void staff(UserService users, String email, Role role) {
        AsAdmin.call(() -> users.findByEmail(email).orElseGet(() ->
                users.create(email, email.substring(0, email.indexOf('@')), "correct horse battery staple 42",
                        Set.of(role))));
    }

    public static ContactSummary buyer(CompanyService companies, ContactService contacts, Locale locale) {
        long company = companies.create(new CompanyDraft("Acme GmbH", "acme.example", "Hauptstr. 1, Berlin", "DE")).id();
        return contacts.create(new ContactDraft("Erika", "Mustermann", "erika@acme.example", company, locale));
    }

    /** A EUR deal with the buyer on it: a one-time workshop (2 × 1,200) and a monthly licence (99). */
    public static DealDetails dealWithLines(DealService deals, ContactSummary buyer) {
        DealDetails deal = deals.create(new DealDraft("Acme rollout", null, DealStage.PROPOSAL,
                Currency.getInstance("EUR"), buyer.companyId(), Set.of(buyer.id()), null));
        deal = deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Workshop", null, new BigDecimal("2"),
                new BigDecimal("1200.00"), null, null, new BigDecimal("19"), false, null, null));
        return deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Licence", null, BigDecimal.ONE,
                new BigDecimal("99.00"), null, null, new BigDecimal("19"), false, BillingFrequency.MONTHLY, null));
    }

    public static LineItemDraft line(String name, String price, BillingFrequency frequency, Integer term) {
        return new LineItemDraft(null, name, null, BigDecimal.ONE, new BigDecimal(price), null, null, null, false,
                frequency, term);
    }
}
