package com.commercehub.base.ui;

import com.commercehub.automation.WebhookEndpointService;
import com.commercehub.automation.WorkflowService;
import com.commercehub.automation.WorkflowTemplate;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.link.PaymentLinkDraft;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.link.PromotionCodeDraft;
import com.commercehub.link.PromotionCodeService;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.Settlement;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductDraft;
import com.commercehub.product.ProductService;
import com.commercehub.quote.QuoteService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staff list as a person sees it on a 390 px phone and a 1360 px desktop, in English and German, with rows
 * in it: the page never scrolls sideways, the list's primary action and its first filter lie in the first screen
 * and take clicks (the element at their centre is the control), and row 1 shows its name and its amount.
 * Screenshots go to target/screenshots (phone-&lt;list&gt;-&lt;lang&gt;.png, wide-&lt;list&gt;-&lt;lang&gt;.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneListsLayoutIT {

    private static final String STAFF = "phone.lists@example.com";
    private static final String PASSWORD = "phone lists password 123";
    private static final int[] WIDTHS = {390, 1360};

    /**
     * One list: its address, the css of its primary action and first filter (null: the list has none) and the
     * message keys of the headers of its name and amount columns.
     */
    record ListPage(String name, String route, String primary, String filter, String nameHeader, String amountHeader) {
    }

    private static final List<ListPage> LISTS = List.of(
            new ListPage("payments", "payments", ".payments-filter-toggle", ".list-filter",
                    "paymentspage.column.buyer", "paymentspage.column.gross"),
            new ListPage("payment-links", "payment-links", ".list-primary", null, "link.ui.name", "link.ui.revenue"),
            new ListPage("subscriptions", "subscriptions", null, ".list-filter", "subscription.column.buyer",
                    "subscription.column.amount"),
            new ListPage("invoices", "invoices", ".list-primary", ".list-filter", "invoice.number", "invoice.amount-due"),
            new ListPage("promotion-codes", "promotion-codes", ".list-primary", null, "promo.ui.code",
                    "promo.ui.discount"),
            new ListPage("deals", "deals", ".list-primary", ".list-filter", "crm.deal.name", "crm.deal.amount"),
            new ListPage("quotes", "quotes", ".list-primary", ".list-filter", "quote.number", "quote.due-at-checkout"),
            new ListPage("products", "products", ".list-primary", ".list-filter", "product.name", "product.price"),
            new ListPage("contacts", "contacts", ".list-primary", ".list-filter", "crm.contact.name",
                    "crm.contact.email"),
            new ListPage("companies", "companies", ".list-primary", ".list-filter", "crm.company.name",
                    "crm.company.domain"),
            new ListPage("automation", "automation", ".list-primary", null, "automation.column.name",
                    "automation.column.trigger"),
            new ListPage("webhooks", "settings/webhooks", ".list-primary", null, "webhooks.out.name",
                    "webhooks.out.url"),
            new ListPage("users", "users", ".list-primary", ".list-filter", "users.email", "users.name"));

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    DealService deals;
    @Autowired
    QuoteService quotes;
    @Autowired
    InvoiceService invoices;
    @Autowired
    ProductService products;
    @Autowired
    PaymentLinkService links;
    @Autowired
    PromotionCodeService promotionCodes;
    @Autowired
    PaymentRecords payments;
    @Autowired
    WorkflowService workflows;
    @Autowired
    WebhookEndpointService webhooks;
    @Autowired
    Messages messages;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;

    @BeforeEach
    void aRowInEveryList() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("DELETE FROM app_user WHERE email = :email").param("email", STAFF).update();
        AsAdmin.call(() -> users.create(STAFF, "Phone Lists", PASSWORD, EnumSet.allOf(Role.class)));
        AsAdmin.call(() -> {
            long company = companies.create(new CompanyDraft("Nordlicht Handelsgesellschaft mbH " + unique,
                    "nordlicht-" + unique + ".example", null, "DE")).id();
            var buyer = contacts.create(new ContactDraft("Annemarie", "Schleswig-Holstein",
                    "annemarie-" + unique + "@nordlicht.example", company, Locale.GERMAN));
            DealDetails deal = deals.create(new DealDraft("Rollout for the regional offices " + unique, STAFF,
                    DealStage.PROPOSAL, Currency.getInstance("EUR"), company, Set.of(buyer.id()), null));
            deal = deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Implementation workshop", null,
                    new BigDecimal("2"), new BigDecimal("1249.50"), null, null, new BigDecimal("19"), false, null, null));
            // Invoices bill one-time lines only: the invoice is made before the monthly licence joins the deal.
            invoices.createFromDeal(deal.id());
            deal = deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Licence", null, BigDecimal.ONE,
                    new BigDecimal("99.00"), null, null, new BigDecimal("19"), false, BillingFrequency.MONTHLY, null));
            quotes.createFromDeal(deal.id());
            long product = products.create(new ProductDraft("Premium support, around the clock " + unique,
                    "PH-" + unique, null, Money.of("1249.50", "EUR"), null, null, null, null, null, null)).id();
            links.create(new PaymentLinkDraft("Spring workshop seats " + unique,
                    List.of(new PaymentLinkDraft.Item(product, 1, null, null)), false, null, false, "", false, null,
                    false, PaymentLinkDraft.AfterPayment.MESSAGE, "Thank you", null, null, null));
            promotionCodes.create(new PromotionCodeDraft("PHONE" + unique.toUpperCase(Locale.ROOT), null,
                    Money.of("25.00", "EUR"), null, null));
            Money amount = Money.of("1249.50", "EUR");
            Money fee = Money.of("37.49", "EUR");
            // Payments are recorded inside the caller's transaction, as the webhook handler does.
            long dealId = deal.id();
            PaymentFacts paid = new PaymentFacts("acct_phone", "pi_ph" + unique, null, null, dealId, buyer.id(),
                    company, null, "cs_ph" + unique, "pi_ph" + unique, null, "ch_ph" + unique, "card",
                    PaymentStatus.SUCCEEDED, amount, new Settlement("txn_ph" + unique, amount, fee, amount.minus(fee),
                    null), null, null, Instant.now(), null, null);
            transactions.executeWithoutResult(tx -> payments.record(paid));
            subscription(unique, buyer.id(), company);
            workflows.createFromTemplate(WorkflowTemplate.SURVEY_AFTER_PAYMENT, Locale.ENGLISH);
            // A loopback address keeps the test off the network; private addresses are allowed just for this.
            jdbc.sql("UPDATE automation_settings SET allow_private_webhooks = TRUE WHERE id = 1").update();
            try {
                webhooks.create("Accounting " + unique, "http://127.0.0.1:9/hooks/commerce-hub/" + unique);
            } finally {
                jdbc.sql("UPDATE automation_settings SET allow_private_webhooks = FALSE WHERE id = 1").update();
            }
            return null;
        });
    }

    /** A subscription as checkout records it (no Stripe needed to list it). */
    private void subscription(String unique, long contact, long company) {
        Instant now = Instant.now();
        jdbc.sql("""
                        INSERT INTO subscription (account_id, stripe_subscription_id, stripe_customer_id, contact, company,
                            status, currency, period_amount, billing_interval, billing_interval_count, current_period_start,
                            current_period_end, cancel_at_period_end, created_at, updated_at)
                        VALUES ('acct_phone', :sub, 'cus_phone', :contact, :company, 'active', 'EUR', 99.00, 'month', 1,
                            :start, :end, FALSE, :now, :now)""")
                .param("sub", "sub_ph" + unique).param("contact", contact).param("company", company)
                .param("start", Timestamp.from(now)).param("end", Timestamp.from(now.plus(30, ChronoUnit.DAYS)))
                .param("now", Timestamp.from(now)).update();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de"})
    void every_list_keeps_its_action_filter_name_and_amount_on_a_phone_and_a_desktop(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        AsAdmin.call(() -> {
            users.rememberLocale(STAFF, locale);
            return null;
        });
        browser = HeadlessChromium.start(390, 844);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/deals");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(STAFF);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid")));

        List<String> problems = new ArrayList<>();
        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 844));
            wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= width);
            for (ListPage list : LISTS) {
                browser.get("http://localhost:" + port + "/" + list.route());
                String at = list.name() + " in " + language + " at " + width + " px";
                String nameHeader = messages.get(list.nameHeader(), locale);
                String amountHeader = messages.get(list.amountHeader(), locale);
                String shot = (width < 600 ? "phone-" : "wide-") + list.name() + "-" + language + ".png";
                try {
                    wait.until(d -> cell(nameHeader) != null && cell(amountHeader) != null);
                } catch (org.openqa.selenium.TimeoutException notThere) {
                    HeadlessChromium.screenshot(browser, shot);
                    problems.add(at + ": no row 1 with “" + nameHeader + "” and “" + amountHeader + "”");
                    continue;
                }
                // Views fit themselves to the window after the first round trip; let that settle.
                Thread.sleep(700);
                HeadlessChromium.screenshot(browser, shot);

                Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
                if (overflow.intValue() > 0) {
                    problems.add(at + ": the page scrolls sideways by " + overflow + " px");
                }
                Object sideways = js("""
                        // The app layout scrolls its content in its shadow root; look there and in the page.
                        const layout = document.querySelector('vaadin-app-layout');
                        const content = layout && layout.shadowRoot ? [...layout.shadowRoot.querySelectorAll('*')] : [];
                        const wide = [...content, ...document.querySelectorAll('body *')].find(e => {
                            const x = getComputedStyle(e).overflowX;
                            return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1;
                        });
                        return wide ? wide.tagName + '.' + wide.className + ' by ' + (wide.scrollWidth - wide.clientWidth)
                            + ' px' : null;""");
                if (sideways != null) {
                    problems.add(at + ": a part of the page scrolls sideways: " + sideways);
                }
                if (list.primary() != null) {
                    check(problems, at, "the primary action " + list.primary(), list.primary());
                }
                if (list.filter() != null) {
                    check(problems, at, "the first filter " + list.filter(), list.filter());
                }
                for (String header : List.of(nameHeader, amountHeader)) {
                    String why = onScreen(cell(header));
                    if (why != null) {
                        problems.add(at + ": row 1's “" + header + "” " + why);
                    }
                }
                if (list.name().equals("payments")) {
                    paymentsFiltersFold(problems, at, width, language);
                }
            }
        }
        assertThat(problems).as("what does not fit").isEmpty();
    }

    /** On a phone the payments filters start folded under their toggle, which opens them; wide screens show them. */
    private void paymentsFiltersFold(List<String> problems, String at, int width, String language) throws Exception {
        boolean shown = filtersShown();
        if (shown == width < 600) {
            problems.add(at + ": the filters are " + (shown ? "open" : "folded") + " at first");
        }
        if (width < 600) {
            browser.findElement(By.cssSelector(".payments-filter-toggle")).click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> filtersShown());
            HeadlessChromium.screenshot(browser, "phone-payments-filters-open-" + language + ".png");
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
            if (overflow.intValue() > 0) {
                problems.add(at + ": the open filters make the page scroll sideways by " + overflow + " px");
            }
        }
    }

    /** Flow sends nothing of a component hidden from the start, so a missing filter row is a folded one. */
    private boolean filtersShown() {
        return (Boolean) js("const f = document.querySelector('.payments-filters'); return !!f && f.offsetParent !== null");
    }

    private void check(List<String> problems, String at, String what, String css) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            problems.add(at + ": no " + what);
            return;
        }
        String why = onScreen(found.getFirst());
        if (why != null) {
            problems.add(at + ": " + what + " " + why);
        }
    }

    /**
     * Row 1's cell under the header with this text (the light-DOM content the grid slots into the cell), or null
     * while the grid has no such column or no first row yet.
     */
    private WebElement cell(String header) {
        return (WebElement) js("""
                const grid = document.querySelector('vaadin-grid');
                if (!grid || !grid.shadowRoot) return null;
                const content = c => { const s = c.querySelector('slot'); return s ? s.assignedElements()[0] : null; };
                const heads = [...grid.shadowRoot.querySelectorAll('#header tr:last-child th')];
                const column = heads.findIndex(th => { const e = content(th); return e && e.textContent.trim() === arguments[0]; });
                if (column < 0) return null;
                const row = [...grid.shadowRoot.querySelectorAll('#items tr')].find(r => r.index === 0 && !r.hidden);
                if (!row) return null;
                const td = row.querySelectorAll('td')[column];
                const e = td ? content(td) : null;
                return e && e.textContent.trim() !== '' ? e : null;""", header);
    }

    /**
     * Without scrolling anything: null when the element lies inside the first screen and the element at its
     * centre is the element itself or inside it (it takes the click); otherwise why not.
     */
    private String onScreen(WebElement element) {
        if (element == null) {
            return "is missing";
        }
        Object answer = js("""
                const e = arguments[0];
                const r = e.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                if (r.width === 0 || r.left < -0.5 || r.right > window.innerWidth + 0.5 || r.top < 0
                        || r.bottom > window.innerHeight + 0.5) {
                    return 'lies outside the first screen: ' + JSON.stringify(r);
                }
                const hit = document.elementFromPoint(x, y);
                if (hit === e || e.contains(hit) || (e.shadowRoot && e.shadowRoot.contains(hit))) return null;
                return 'is covered by ' + (hit ? hit.outerHTML.substring(0, 160) : 'nothing');""", element);
        return (String) answer;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
