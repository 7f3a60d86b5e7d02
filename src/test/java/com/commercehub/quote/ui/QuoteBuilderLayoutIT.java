package com.commercehub.quote.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.product.BillingFrequency;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder as a rep sees it in a real browser: a quote with ten lines (long names, discounts, taxes,
 * recurring billing) at 1360, 1100 and 390 px in English, German and Polish. Every line's name shows in
 * full, its Amount and row actions are in the viewport, and the add buttons, the row actions and the user
 * menu receive clicks — the element at their centre is the control itself, nothing lies over it.
 * Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuoteBuilderLayoutIT {

    private static final String REP = "layout.rep@example.com";
    private static final String PASSWORD = "layout password 123";
    private static final int[] WIDTHS = {1360, 1100, 390};
    private static final String OPEN_DIALOG = "vaadin-dialog[opened], vaadin-dialog-overlay[opened]";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    QuoteService quotes;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private QuoteDetails quote;

    @BeforeEach
    void aQuoteWithTenLines() {
        QuoteTestData.clear(jdbc);
        jdbc.sql("DELETE FROM app_user WHERE email = :email").param("email", REP).update();
        AsAdmin.call(() -> users.create(REP, "Layout Rep", PASSWORD, java.util.EnumSet.of(Role.SALES)));
        AsAdmin.call(stripe::useSandbox);
        quote = AsAdmin.call(() -> {
            var buyer = QuoteTestData.buyer(companies, contacts, Locale.GERMAN);
            DealDetails deal = deals.create(new com.commercehub.crm.DealDraft("Rollout for the regional offices", REP,
                    com.commercehub.crm.DealStage.PROPOSAL, java.util.Currency.getInstance("EUR"), buyer.companyId(),
                    java.util.Set.of(buyer.id()), null));
            for (LineItemDraft line : tenLines()) {
                deal = deals.addLine(deal.id(), deal.version(), line);
            }
            QuoteDetails created = quotes.createFromDeal(deal.id());
            return quotes.setCollectPayment(created.id(), created.version(), true);
        });
    }

    private static List<LineItemDraft> tenLines() {
        List<LineItemDraft> lines = new ArrayList<>();
        String[] names = {"Implementation workshop for the regional sales teams", "Premium support, around the clock",
                "Onboarding", "Datenmigration aus dem Altsystem (Übernahme aller Stammdaten)",
                "Licence — Professional edition, per seat", "Training day", "Konfiguracja środowiska testowego",
                "Custom reporting dashboards", "Integration with the accounting system", "Project management"};
        for (int i = 0; i < names.length; i++) {
            boolean recurring = i % 3 == 1;
            lines.add(new LineItemDraft(null, names[i], "SKU-" + (1000 + i), new BigDecimal(i % 2 == 0 ? "12" : "1"),
                    new BigDecimal(i == 4 ? "12499.00" : "1249.50"), i % 4 == 0 ? DiscountKind.PERCENT : null,
                    i % 4 == 0 ? new BigDecimal("12.5") : null, new BigDecimal("19"), false,
                    recurring ? BillingFrequency.MONTHLY : null, null));
        }
        return lines;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"en", "de", "pl"})
    void every_line_and_every_control_is_on_screen_and_clickable_at_every_width(String language) throws Exception {
        AsAdmin.call(() -> {
            users.rememberLocale(REP, Locale.forLanguageTag(language));
            return null;
        });
        browser = HeadlessChromium.start(1360, 900);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/quotes/" + quote.id());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(REP);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".line-name")).size() == 10);

        for (int width : WIDTHS) {
            browser.manage().window().setSize(new Dimension(width, 844));
            // The builder switches to its phone layout on the resize event; give the round trip time.
            wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= width);
            Thread.sleep(1500);
            wait.until(d -> d.findElements(By.cssSelector(".line-name")).size() == 10);
            String at = language + " at " + width + " px";
            HeadlessChromium.screenshot(browser, "quote-builder-" + language + "-" + width + ".png");

            List<WebElement> names = browser.findElements(By.cssSelector(".line-name"));
            for (WebElement name : names) {
                assertThat(fullyShown(name)).as("%s: the name “%s” shows in full", at, name.getText()).isTrue();
                assertThat(receivesClicks(name)).as("%s: nothing covers “%s”", at, name.getText()).isTrue();
            }
            for (WebElement amount : browser.findElements(By.cssSelector(".line-amount"))) {
                assertThat(fullyShown(amount)).as("%s: the Amount %s is in the viewport", at, amount.getText()).isTrue();
            }
            for (String action : List.of(".line-edit", ".line-remove", ".line-up", ".line-down")) {
                List<WebElement> buttons = browser.findElements(By.cssSelector(action));
                assertThat(buttons).as("%s: %s on every row", at, action).hasSize(10);
                // The first row cannot move up nor the last down: disabled buttons take no clicks by design.
                for (WebElement button : buttons.stream().filter(b -> b.getAttribute("disabled") == null).toList()) {
                    assertThat(receivesClicks(button)).as("%s: %s is on screen and clickable", at, action).isTrue();
                }
            }
            for (WebElement button : browser.findElements(By.cssSelector(".line-picker vaadin-button"))) {
                assertThat(receivesClicks(button)).as("%s: “%s” is on screen and clickable", at, button.getText())
                        .isTrue();
            }
            assertThat(receivesClicks(browser.findElement(By.cssSelector(".app-header vaadin-button.user-menu"))))
                    .as("%s: the user menu is reachable", at).isTrue();
            assertThat(fullyShown(browser.findElement(By.cssSelector(".sandbox-badge"))))
                    .as("%s: the sandbox badge stays inside the header", at).isTrue();
            WebElement heading = browser.findElement(By.cssSelector(".quote-heading"));
            assertThat(((Number) js("const s = getComputedStyle(arguments[0]);"
                    + " return arguments[0].getBoundingClientRect().height / parseFloat(s.lineHeight);", heading))
                    .doubleValue()).as("%s: the title fits in two lines", at).isLessThanOrEqualTo(2.2);
            for (WebElement checkbox : browser.findElements(By.cssSelector(".quote-summary vaadin-checkbox"))) {
                assertThat(receivesClicks(checkbox)).as("%s: the payment step's “%s”", at, checkbox.getText()).isTrue();
            }

            // A real click on Custom item opens its dialog.
            WebElement custom = browser.findElement(By.cssSelector(".line-custom"));
            js("arguments[0].scrollIntoView({block: 'center'})", custom);
            custom.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(OPEN_DIALOG)));
            // The dialog's Cancel: the first footer button.
            WebElement cancel = wait.until(d -> d.findElements(By.cssSelector("vaadin-dialog-overlay[opened] vaadin-button,"
                    + " vaadin-dialog[opened] vaadin-button")).stream().filter(b -> !b.getText().isBlank())
                    .findFirst().orElse(null));
            assertThat(receivesClicks(cancel)).as("%s: the dialog's Cancel", at).isTrue();
            cancel.click();
            wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(OPEN_DIALOG), 0));
        }

        // Typed text that is no date: the browser's own date picker reports it, the expiry is not saved.
        // On a phone the date picker opens full screen and takes no typing, so this runs at desktop width.
        browser.manage().window().setSize(new Dimension(1360, 900));
        wait.until(d -> ((Number) js("return window.innerWidth")).intValue() > 1000);
        java.time.LocalDate expiry = AsAdmin.call(() -> quotes.get(quote.id()).expiresOn());
        WebElement expiryInput = browser.findElement(By.cssSelector("vaadin-date-picker.quote-expiry input"));
        js("arguments[0].scrollIntoView({block: 'center'})", expiryInput);
        expiryInput.click();
        expiryInput.sendKeys(Keys.chord(Keys.CONTROL, "a"), "tomorrow", Keys.ENTER);
        WebElement expiryField = browser.findElement(By.cssSelector("vaadin-date-picker.quote-expiry"));
        // The picker marks itself invalid at once; the message comes with the server's answer, later on a busy machine.
        wait.until(d -> expiryField.getAttribute("invalid") != null
                && !String.valueOf(expiryField.getDomProperty("errorMessage")).isBlank());
        assertThat(expiryField.getDomProperty("errorMessage"))
                .contains(com.commercehub.base.ui.DateField.example(Locale.forLanguageTag(language)));
        HeadlessChromium.screenshot(browser, "quote-builder-" + language + "-unreadable-expiry.png");
        assertThat(AsAdmin.call(() -> quotes.get(quote.id()).expiresOn())).isEqualTo(expiry);
    }

    /** Scrolled to, the element's box lies inside the viewport and its text is not clipped. */
    private boolean fullyShown(WebElement element) {
        return Boolean.TRUE.equals(js("""
                const e = arguments[0];
                e.scrollIntoView({block: 'center', inline: 'nearest'});
                const r = e.getBoundingClientRect();
                const clipped = e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline';
                return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5
                    && r.top >= 0 && r.bottom <= window.innerHeight + 0.5 && !clipped;""", element));
    }

    /** Scrolled to, the element at the centre of the control is the control (or inside it): it gets the click. */
    private boolean receivesClicks(WebElement element) {
        Object answer = js("""
                const e = arguments[0];
                e.scrollIntoView({block: 'center', inline: 'nearest'});
                const r = e.getBoundingClientRect();
                const x = r.left + r.width / 2, y = r.top + r.height / 2;
                if (r.width === 0 || x < 0 || x > window.innerWidth || y < 0 || y > window.innerHeight) {
                    return {ok: false, why: 'outside the viewport ' + JSON.stringify(r)};
                }
                const hit = document.elementFromPoint(x, y);
                const ok = hit === e || e.contains(hit) || (hit && hit.shadowRoot === null && e.shadowRoot
                    && e.shadowRoot.contains(hit));
                return {ok: ok, why: hit ? hit.outerHTML.substring(0, 160) : 'nothing'};""", element);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) answer;
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            System.out.println("Not clickable: " + element.getTagName() + " " + element.getText() + " → " + result.get("why"));
        }
        return Boolean.TRUE.equals(result.get("ok"));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
