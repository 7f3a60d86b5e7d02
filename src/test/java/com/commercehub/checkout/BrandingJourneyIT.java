package com.commercehub.checkout;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.branding.BrandingService;
import com.commercehub.branding.BrandingSettings;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import static com.commercehub.checkout.CheckoutTestQuotes.line;
import static com.commercehub.checkout.CheckoutTestQuotes.spec;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an admin sets a brand colour and a font on Settings → Branding; the preview shows them before
 * saving; after saving, the buyer's quote page and the sandbox's hosted checkout show the same colour and font
 * (read as computed styles). Screenshots of the three go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "journey-brand@example.com", roles = {"SALES", "ADMIN"})
class BrandingJourneyIT {

    private static final String COLOUR = "#0b3d2e";

    /** Chromium gives computed colours as rgb() or rgba(); compared as hex. */
    private static String hex(String cssColour) {
        return org.openqa.selenium.support.Color.fromString(cssColour).asHex();
    }

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    QuoteService quotes;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    BrandingService branding;
    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;

    private WebDriver admin;
    private WebDriver buyer;

    @AfterEach
    void closeBrowsersAndDefaultsAgain() {
        for (WebDriver browser : new WebDriver[]{admin, buyer}) {
            if (browser != null) {
                browser.quit();
            }
        }
        branding.save(branding.currentVersion().id(), BrandingSettings.DEFAULTS);
    }

    @Test
    void the_brand_colour_and_font_show_in_the_preview_on_the_buyer_page_and_on_the_sandbox_checkout() throws Exception {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "journey-brand@example.com", Role.SALES);
        jdbc.sql("DELETE FROM app_user WHERE email = 'brand-ada@example.com'").update();
        AsAdmin.call(() -> users.create("brand-ada@example.com", "Ada Admin", "journey password 123", EnumSet.of(Role.ADMIN)));
        stripe.useSandbox();

        admin = HeadlessChromium.start(1600, 1100);
        WebDriverWait wait = new WebDriverWait(admin, Duration.ofSeconds(60));
        admin.get("http://localhost:" + port + "/settings/branding");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys("brand-ada@example.com");
        admin.findElement(By.cssSelector("input[name='password']")).sendKeys("journey password 123", Keys.ENTER);

        WebElement colour = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#brand-color input")));
        colour.sendKeys(Keys.chord(Keys.CONTROL, "a"), COLOUR, Keys.TAB);
        WebElement font = admin.findElement(By.cssSelector("#brand-font input"));
        font.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Roboto Slab");
        Thread.sleep(500);
        font.sendKeys(Keys.ENTER, Keys.TAB);

        // The preview frame reloads with the draft: its quote page shows the colour and font before saving.
        WebElement frame = admin.findElement(By.id("branding-preview"));
        String[] seen = {""};
        try {
            wait.until(d -> {
                d.switchTo().frame(frame);
                try {
                    List<WebElement> logo = d.findElements(By.cssSelector(".seller .logo"));
                    String background = logo.isEmpty() ? "no logo" : logo.getFirst().getCssValue("background-color");
                    String family = d.findElement(By.tagName("body")).getCssValue("font-family");
                    seen[0] = background + " / " + family;
                    return !logo.isEmpty() && COLOUR.equals(hex(background)) && family.contains("Roboto Slab");
                } finally {
                    d.switchTo().defaultContent();
                }
            });
        } catch (org.openqa.selenium.TimeoutException notShown) {
            HeadlessChromium.screenshot(admin, "branding-preview-failed.png");
            throw new AssertionError("preview showed " + seen[0] + " from " + frame.getAttribute("src"), notShown);
        }
        WebElement summary = admin.findElement(By.id("checkout-summary"));
        assertThat(hex(summary.getCssValue("border-top-color"))).isEqualTo(COLOUR);
        HeadlessChromium.screenshot(admin, "branding-preview.png");
        assertThat(branding.current().brandColor()).isNotEqualTo(COLOUR);

        WebElement save = admin.findElement(By.id("branding-save"));
        ((JavascriptExecutor) admin).executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
        save.click();
        new WebDriverWait(admin, Duration.ofSeconds(20)).until(d -> COLOUR.equals(branding.current().brandColor()));

        CheckoutTestQuotes testQuotes = new CheckoutTestQuotes(quotes, deals, companies, contacts, port, sandboxKey.secretKey());
        CheckoutTestQuotes.Published quote = testQuotes.publish(spec("EUR", List.of(
                line("Workshop", "2", "400.00", null, null, "19", false, null))));

        buyer = HeadlessChromium.start(1360, 1000);
        WebDriverWait buyerWait = new WebDriverWait(buyer, Duration.ofSeconds(60));
        buyer.get("http://localhost:" + port + "/quote/" + quote.token());
        WebElement logo = buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".seller .logo")));
        assertThat(hex(logo.getCssValue("background-color"))).isEqualTo(COLOUR);
        assertThat(buyer.findElement(By.tagName("body")).getCssValue("font-family")).contains("Roboto Slab");
        HeadlessChromium.screenshot(buyer, "branding-buyer-page.png");

        buyer.findElement(By.cssSelector("button.checkout")).click();
        WebElement pay = buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay")));
        assertThat(hex(buyer.findElement(By.tagName("body")).getCssValue("background-color"))).isEqualTo(COLOUR);
        assertThat(buyer.findElement(By.tagName("body")).getCssValue("font-family")).contains("Roboto Slab");
        assertThat(pay.getCssValue("font-family")).contains("Roboto Slab");
        HeadlessChromium.screenshot(buyer, "branding-sandbox-checkout.png");
    }
}
