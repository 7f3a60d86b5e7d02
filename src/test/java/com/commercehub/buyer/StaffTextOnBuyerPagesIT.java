package com.commercehub.buyer;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.branding.BrandingVersion;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.product.ProductDetails;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * XSS (docs/RELIABILITY.md, "Hostile input"): every staff-typed field that reaches the buyer's quote page and its PDF
 * carries its own script, attribute-breaking and {@code javascript:} payload; the page must show each as text (escaped
 * once, never markup) and the PDF must print it literally. (The SKU and the support phone are not here: their
 * validation refuses these characters.) One row per field, named, so a failure says which field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaffTextOnBuyerPagesIT {

    /** Each staff-typed field shown to the buyer, and where it is typed. */
    enum Field {
        QUOTE_TITLE(Page.QUOTE), QUOTE_COMMENTS(Page.QUOTE), QUOTE_TERMS(Page.QUOTE), LINE_NAME(Page.QUOTE),
        PRODUCT_NAME(Page.QUOTE), PRODUCT_DESCRIPTION(Page.QUOTE), DISCOUNT_LABEL(Page.QUOTE), COMPANY_NAME(Page.QUOTE),
        CONTACT_FIRST_NAME(Page.QUOTE), CONTACT_LAST_NAME(Page.QUOTE), OWNER_NAME(Page.QUOTE), SELLER_NAME(Page.QUOTE),
        SELLER_ADDRESS(Page.QUOTE),
        INVOICE_BUYER_NAME(Page.INVOICE), INVOICE_COMMENTS(Page.INVOICE), INVOICE_FOOTER(Page.INVOICE),
        INVOICE_LINE_NAME(Page.INVOICE),
        LINK_NAME(Page.PAYMENT_LINK), LINK_PRODUCT_NAME(Page.PAYMENT_LINK);

        final Page page;

        Field(Page page) {
            this.page = page;
        }

        /** Breaks out of text, of an attribute and of a URL, each marked with the field's name. */
        String payload() {
            String mark = mark();
            return "<script>alert('" + mark + "')</script>\"><img src=x onerror=alert('" + mark + "')>javascript:alert('"
                    + mark + "')";
        }

        /** Short, so the payload fits the shortest field (the seller's name, 100 characters). */
        String mark() {
            return "f%02d".formatted(ordinal());
        }

        String escaped() {
            String mark = mark();
            return "&lt;script&gt;alert(&#39;" + mark + "&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(&#39;"
                    + mark + "&#39;)&gt;javascript:alert(&#39;" + mark + "&#39;)";
        }
    }

    /** The buyer pages the fields are shown on; the first two have a PDF too. */
    enum Page {
        QUOTE, INVOICE, PAYMENT_LINK
    }

    @LocalServerPort
    int port;
    @Autowired
    QuoteService quotes;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    ProductService products;
    @Autowired
    UserService users;
    @Autowired
    BrandingService branding;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    com.commercehub.invoice.InvoiceService invoices;
    @Autowired
    com.commercehub.link.PaymentLinkService links;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_staff_typed_field_is_text_on_the_quote_invoice_and_payment_link_pages_and_in_their_pdfs() throws Exception {
        QuoteTestData.clear(jdbc);
        AsAdmin.call(() -> stripe.useSandbox());
        String owner = "xss-owner@example.com";
        jdbc.sql("DELETE FROM app_user WHERE email = :e").param("e", owner).update();
        AsAdmin.call(() -> users.create(owner, Field.OWNER_NAME.payload(), "correct horse battery staple 42",
                Set.of(Role.SALES)));
        BrandingVersion before = AsAdmin.call(() -> branding.currentVersion());
        try {
            AsAdmin.call(() -> branding.save(before.id(), withSeller(before.settings())));
            BuyerPages buyer = new BuyerPages(port);
            java.util.Map<Page, String> html = new java.util.EnumMap<>(Page.class);
            java.util.Map<Page, String> pdf = new java.util.EnumMap<>(Page.class);
            String quote = publishedQuote(owner);
            html.put(Page.QUOTE, buyer.get(quote).body());
            pdf.put(Page.QUOTE, BuyerQuotePageIT.pdfText(buyer.bytes(quote + "/pdf").body()));
            String invoice = sentInvoice();
            html.put(Page.INVOICE, buyer.get(invoice).body());
            pdf.put(Page.INVOICE, BuyerQuotePageIT.pdfText(buyer.bytes(invoice + "/pdf").body()));
            html.put(Page.PAYMENT_LINK, buyer.get(paymentLink()).body());

            List<String> problems = new ArrayList<>();
            for (Field field : Field.values()) {
                String mark = field.mark();
                String page = html.get(field.page);
                if (page.contains("<script>alert('" + mark) || page.contains("<img src=x onerror=alert('" + mark)) {
                    problems.add(field + ": markup on the page");
                }
                if (!page.contains(field.escaped())) {
                    problems.add(field + ": not shown as text on the page");
                }
                // A narrow column may wrap a long token anywhere: compare without the whitespace.
                if (pdf.containsKey(field.page) && !pdf.get(field.page).replaceAll("\\s", "")
                        .contains(field.payload().replaceAll("\\s", ""))) {
                    problems.add(field + ": not printed literally in the PDF");
                }
            }
            assertThat(problems).isEmpty();
            assertThat(html.values()).allSatisfy(page -> assertThat(page).doesNotContainIgnoringCase("href=\"javascript:")
                    .doesNotContainIgnoringCase("src=\"javascript:").doesNotContain("<script>", "onerror=alert('"));
        } finally {
            AsAdmin.call(() -> branding.save(branding.currentVersion().id(), before.settings()));
        }
    }

    private String sentInvoice() {
        return AsAdmin.call(() -> {
            var draft = invoices.createDraft(new com.commercehub.invoice.InvoiceHeader(null, null, null,
                    Field.INVOICE_BUYER_NAME.payload(), "buyer@xss.example", Locale.ENGLISH, Currency.getInstance("EUR"),
                    java.time.LocalDate.now(), com.commercehub.invoice.PaymentTerms.NET_30, null, null, null, false,
                    Field.INVOICE_COMMENTS.payload(), Field.INVOICE_FOOTER.payload()),
                    List.of(QuoteTestData.line(Field.INVOICE_LINE_NAME.payload(), "20.00", null, null)));
            var sent = invoices.send(draft.id(), draft.version());
            return invoices.buyerPath(sent.id()).orElseThrow();
        });
    }

    private String paymentLink() {
        return AsAdmin.call(() -> {
            long product = products.create(new ProductDraft(Field.LINK_PRODUCT_NAME.payload(), "XSS-2", null,
                    Money.of("30.00", "EUR"), null, null, null, null, null, null)).id();
            long link = links.create(new com.commercehub.link.PaymentLinkDraft(Field.LINK_NAME.payload(),
                    List.of(new com.commercehub.link.PaymentLinkDraft.Item(product, 1, null, null)), false, null, false, "",
                    false, null, false, com.commercehub.link.PaymentLinkDraft.AfterPayment.MESSAGE, "Thanks", null,
                    DealStage.CLOSED_WON, Locale.ENGLISH));
            String address = links.address(link);
            return address.substring(address.indexOf("/pay/"));
        });
    }

    private static BrandingSettings withSeller(BrandingSettings s) {
        return new BrandingSettings(Field.SELLER_NAME.payload(), s.logo(), s.icon(), s.brandColor(), s.buttonColor(),
                s.font(), s.corners(), Field.SELLER_ADDRESS.payload(), s.supportEmail(), s.supportPhone(),
                s.texts(), s.billingAddress(), s.collectPhone(), s.allowPromotionCodes(), s.defaultLanguage(),
                s.redirectUrl());
    }

    private String publishedQuote(String owner) {
        return AsAdmin.call(() -> {
            long company = companies.create(new CompanyDraft(Field.COMPANY_NAME.payload(), "xss.example",
                    "Hauptstr. 1", "DE")).id();
            ContactSummary buyer = contacts.create(new ContactDraft(Field.CONTACT_FIRST_NAME.payload(),
                    Field.CONTACT_LAST_NAME.payload(), "buyer@xss.example", company, Locale.ENGLISH));
            ProductDetails product = products.create(new ProductDraft(Field.PRODUCT_NAME.payload(), "XSS-1",
                    Field.PRODUCT_DESCRIPTION.payload(), Money.of("50.00", "EUR"), null, null, null, null, null, null));
            DealDetails deal = deals.create(new DealDraft("XSS deal", owner, DealStage.PROPOSAL, Currency.getInstance("EUR"),
                    company, Set.of(buyer.id()), null));
            deal = deals.addLine(deal.id(), deal.version(), QuoteTestData.line(Field.LINE_NAME.payload(), "10.00", null, null));
            deal = deals.addProduct(deal.id(), deal.version(), product.id(), BigDecimal.ONE);
            QuoteDetails draft = quotes.createFromDeal(deal.id());
            draft = quotes.updateHeader(draft.id(), draft.version(), new QuoteHeaderDraft(Field.QUOTE_TITLE.payload(),
                    draft.expiresOn(), Locale.ENGLISH, buyer.id(), owner, Field.QUOTE_COMMENTS.payload(),
                    Field.QUOTE_TERMS.payload()));
            draft = quotes.addAdjustment(draft.id(), draft.version(), AdjustmentDraft.Type.DISCOUNT,
                    Field.DISCOUNT_LABEL.payload(), Adjustment.Kind.PERCENT, new BigDecimal("5"));
            return quotes.publish(draft.id(), draft.version()).linkPath();
        });
    }

}
