package com.commercehub.buyer;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductDraft;
import com.commercehub.product.ProductService;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteHeaderDraft;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * The buyer-page benchmarks' quote: published with a discount, a fee, taxes, comments, terms, a required signature
 * and payment on, on the built-in sandbox. Empties quotes, CRM, the library and the outbox first.
 */
public final class TwentyLineQuote {

    private TwentyLineQuote() {
    }

    /** The same, with the services taken from a running application context (one the test started itself). */
    public static QuoteService.Published publish(ApplicationContext context) {
        return publish(context.getBean(JdbcClient.class), context.getBean(UserService.class),
                context.getBean(StripeConnectionService.class), context.getBean(CompanyService.class),
                context.getBean(ContactService.class), context.getBean(DealService.class),
                context.getBean(ProductService.class), context.getBean(QuoteService.class));
    }

    /** 20 lines in EUR: 8 from the library (descriptions), 12 typed; one-time and monthly (payment allows one frequency). */
    public static QuoteService.Published publish(JdbcClient jdbc, UserService users, StripeConnectionService stripe,
                                                 CompanyService companies, ContactService contacts, DealService deals,
                                                 ProductService products, QuoteService quotes) {
        QuoteDetails draft = draft(jdbc, users, stripe, companies, contacts, deals, products, quotes);
        return AsAdmin.call(() -> quotes.publish(draft.id(), draft.version()));
    }

    /** The same quote left a draft, as a rep has it open in the builder (every line editable). */
    public static QuoteDetails draft(ApplicationContext context) {
        return draft(context.getBean(JdbcClient.class), context.getBean(UserService.class),
                context.getBean(StripeConnectionService.class), context.getBean(CompanyService.class),
                context.getBean(ContactService.class), context.getBean(DealService.class),
                context.getBean(ProductService.class), context.getBean(QuoteService.class));
    }

    private static QuoteDetails draft(JdbcClient jdbc, UserService users, StripeConnectionService stripe,
                                      CompanyService companies, ContactService contacts, DealService deals,
                                      ProductService products, QuoteService quotes) {
        jdbc.sql("DELETE FROM email_outbox").update();
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        QuoteTestData.staff(users, "cora@example.com", Role.ADMIN);
        return AsAdmin.call(() -> {
            stripe.useSandbox();
            ContactSummary contact = QuoteTestData.buyer(companies, contacts, Locale.ENGLISH);
            DealDetails deal = deals.create(new DealDraft("Acme platform rollout", null, DealStage.PROPOSAL,
                    Currency.getInstance("EUR"), contact.companyId(), Set.of(contact.id()), null));
            for (int i = 1; i <= 20; i++) {
                boolean monthly = i % 5 == 0 || i % 5 == 3;
                BigDecimal price = new BigDecimal(monthly ? 20 + i * 5 : 150 + i * 50).setScale(2);
                BigDecimal quantity = BigDecimal.valueOf(i % 4 + 1);
                BillingFrequency frequency = monthly ? BillingFrequency.MONTHLY : null;
                Long productId = null;
                if (i <= 8) {
                    productId = products.create(new ProductDraft("Line " + i + " product", "SKU-" + i,
                            "Line " + i + ": what it includes, who delivers it and when — the library description, "
                                    + "two sentences long as a real catalogue has them.",
                            new Money(price, Currency.getInstance("EUR")), frequency, null, null, null, null, null)).id();
                }
                // Every third line has a 10 % line discount: round prices keep each net exact to the cent.
                LineItemDraft line = new LineItemDraft(productId, "Line " + i + (monthly ? " subscription" : " service"),
                        productId == null ? null : "SKU-" + i, quantity, price,
                        i % 3 == 0 ? DiscountKind.PERCENT : null, i % 3 == 0 ? BigDecimal.TEN : null,
                        new BigDecimal(i % 7 == 0 ? "7" : "19"), false, frequency, null);
                deal = deals.addLine(deal.id(), deal.version(), line);
            }
            QuoteDetails draft = quotes.createFromDeal(deal.id());
            draft = quotes.updateHeader(draft.id(), draft.version(), new QuoteHeaderDraft("Acme platform rollout 2026",
                    draft.expiresOn(), Locale.ENGLISH, draft.contactId(), "sam@example.com",
                    "Hello Erika, as discussed: the rollout in three phases, licences from go-live. ".repeat(3),
                    "Payment due within 30 days of the invoice. Subscriptions renew monthly until cancelled with 30 "
                            + "days' notice. Prices exclude VAT unless stated. ".repeat(4)));
            draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT, "Partner discount",
                    Adjustment.Kind.PERCENT, new BigDecimal("10"));
            draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.FEE, "Onboarding fee",
                    Adjustment.Kind.AMOUNT, new BigDecimal("250.00"));
            draft = quotes.setSignature(draft.id(), draft.version(), true, "cora@example.com");
            return quotes.setCollectPayment(draft.id(), draft.version(), true);
        });
    }
}
