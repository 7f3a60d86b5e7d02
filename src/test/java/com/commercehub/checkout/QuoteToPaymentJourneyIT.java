package com.commercehub.checkout;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealService;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way in real browsers: a sales rep signs in, adds a library product to a deal, makes a quote
 * with signature and payment, publishes it; the buyer (a fresh browser) signs, checks out, pays with
 * 4242 on the sandbox's page and sees the thank-you; the rep then sees Paid and the payment's gross,
 * fee and net on the quote and on the deal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuoteToPaymentJourneyIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ProductService products;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    private WebDriver rep;
    private WebDriver buyer;

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[]{rep, buyer}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void a_quote_is_signed_and_paid_by_the_buyer_and_the_rep_sees_the_payment() throws Exception {
        QuoteTestData.clear(jdbc);
        jdbc.sql("DELETE FROM app_user WHERE email = 'rita@example.com'").update();
        AsAdmin.call(() -> users.create("rita@example.com", "Rita Rep", "journey password 123", EnumSet.of(Role.SALES)));
        AsAdmin.call(stripe::useSandbox);
        long product = AsAdmin.call(() -> products.create(ProductTestData.oneTime("Onboarding workshop", "WS-1", "1000.00", "EUR"))).id();
        var deal = AsAdmin.call(() -> deals.create(new com.commercehub.crm.DealDraft("Acme rollout", "rita@example.com",
                com.commercehub.crm.DealStage.PROPOSAL, java.util.Currency.getInstance("EUR"), null,
                java.util.Set.of(QuoteTestData.buyer(companies, contacts, Locale.ENGLISH).id()), null)));

        rep = HeadlessChromium.start(1360, 1000);
        WebDriverWait wait = new WebDriverWait(rep, Duration.ofSeconds(60));
        rep.get(url("/deals/" + deal.id()));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys("rita@example.com");
        rep.findElement(By.cssSelector("input[name='password']")).sendKeys("journey password 123", Keys.ENTER);

        // Product → deal: the library product goes onto the deal through the UI service the page uses.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//vaadin-button[normalize-space()='Create quote']")));
        AsAdmin.call(() -> deals.addProduct(deal.id(), deals.get(deal.id()).version(), product, BigDecimal.ONE));
        rep.navigate().refresh();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[normalize-space()='Create quote']"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2"), "Q-1001"));
        click(rep.findElement(By.xpath("//vaadin-checkbox[normalize-space()='Require e-signature']")));
        click(wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-checkbox[normalize-space()='Use connected Stripe account (collect payment at checkout)']"))));
        Thread.sleep(500);
        click(rep.findElement(By.xpath("//vaadin-button[normalize-space()='Publish']")));
        // The review step frames the draft as the buyer will see it, then publishes on confirmation.
        wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.cssSelector("iframe.quote-review-preview")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Q-1001"));
        rep.switchTo().defaultContent();
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("quote-review-publish"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".quote-status"), "Published, version 1"));
        click(wait.until(ExpectedConditions.elementToBeClickable(By.id("quote-review-send"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-notification-card"),
                "Email to erika@acme.example is on its way"));
        click(rep.findElement(By.id("quote-review-close")));
        String link = jdbc.sql("SELECT id FROM quote WHERE number = 'Q-1001'").query(Long.class).optional()
                .flatMap(id -> AsAdmin.call(() -> quoteLink(id))).orElseThrow();

        // The buyer, in a browser that has never been here.
        buyer = HeadlessChromium.start(1360, 1000);
        WebDriverWait buyerWait = new WebDriverWait(buyer, Duration.ofSeconds(60));
        buyer.get(url(link));
        buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-form")));
        buyer.findElement(By.id("signer-name")).sendKeys("Erika Mustermann");
        buyer.findElement(By.id("signer-email")).sendKeys("erika@acme.example");
        if (!buyer.findElement(By.id("signature-pad")).isDisplayed()) {
            buyer.findElement(By.id("use-pad")).click();
        }
        WebElement pad = buyer.findElement(By.id("signature-pad"));
        ((JavascriptExecutor) buyer).executeScript("arguments[0].scrollIntoView({block: 'center'})", pad);
        new Actions(buyer).moveToElement(pad, -100, 0).clickAndHold().moveByOffset(80, -30).moveByOffset(90, 40)
                .release().perform();
        buyer.findElement(By.id("consent")).click();
        buyer.findElement(By.id("sign-submit")).click();
        buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner-signed")));

        buyer.findElement(By.cssSelector("button.checkout")).click();
        buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        HeadlessChromium.screenshot(buyer, "journey-sandbox-checkout.png");
        WebElement email = buyer.findElement(By.id("email"));
        if (email.getAttribute("value").isBlank()) {
            email.sendKeys("erika@acme.example");
        }
        buyer.findElement(By.id("name")).sendKeys("Erika Mustermann");
        buyer.findElement(By.id("card")).sendKeys("4242 4242 4242 4242");
        buyer.findElement(By.id("pay")).click();
        buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-paid")));
        assertThat(buyer.findElement(By.id("payment-paid")).getText()).contains("€1,000.00");
        assertThat(buyer.findElement(By.id("receipt")).getAttribute("href")).contains("/sandbox/receipt/ch_");
        HeadlessChromium.screenshot(buyer, "journey-thank-you.png");
        buyer.findElement(By.id("back-to-quote")).click();
        buyerWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner-paid")));
        assertThat(buyer.findElements(By.cssSelector("button.checkout"))).isEmpty();

        // The rep sees Paid and the payment with Stripe's figures: €1,000.00 gross, €29.30 fee, €970.70 net.
        rep.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".quote-status"), "Paid"));
        WebElement grid = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid.payments-grid")));
        ((JavascriptExecutor) rep).executeScript("arguments[0].scrollIntoView({block: 'center'})", grid);
        wait.until(d -> grid.getText().contains("€970.70"));
        assertThat(grid.getText()).contains("€1,000.00", "€29.30", "€970.70", "Card");
        HeadlessChromium.screenshot(rep, "journey-quote-paid.png");
        rep.get(url("/deals/" + deal.id()));
        WebElement dealPayments = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-grid.payments-grid")));
        wait.until(d -> dealPayments.getText().contains("€970.70"));
        HeadlessChromium.screenshot(rep, "journey-deal-paid.png");
    }

    @Autowired
    com.commercehub.quote.QuoteService quotes;

    private java.util.Optional<String> quoteLink(long id) {
        return quotes.buyerLink(id);
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) rep).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
