package com.commercehub.buyer;

import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer in a real browser: opens the link in a fresh browser profile, draws a signature on the
 * pad, signs, sees "Signed", and downloads the PDF; and the same page in German on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BuyerQuoteJourneyIT {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    private WebDriver browser;
    private DealDetails deal;

    @BeforeEach
    void freshBrowserAndQuote() throws IOException {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Skipped: no Chromium here. Install it with 'apt-get install -y chromium chromium-driver'.");
        deal = BuyerPages.deal(jdbc, users, companies, contacts, deals, Locale.GERMAN);
        AsAdmin.call(() -> stripe.useSandbox());
        // A new profile each time: the buyer has never been here and is signed in nowhere.
        Path profile = Files.createTempDirectory("hub-buyer-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1360,1000", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().withEnvironment(Map.of("HOME", profile.toString(), "XDG_CONFIG_HOME",
                        profile.toString(), "XDG_CACHE_HOME", profile.toString())).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_buyer_draws_a_signature_signs_and_downloads_the_pdf() throws Exception {
        QuoteService.Published published = BuyerPages.publish(quotes, deal, Locale.ENGLISH, "Looking forward to it",
                "Payment within 30 days of the invoice.", true, null, true);
        browser.get("http://localhost:" + port + published.linkPath());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        showPad(wait);
        assertThat(browser.findElement(By.cssSelector("button.checkout")).isEnabled()).isFalse();
        assertThat(browser.getPageSource()).contains("Sign the quote below before you check out.");
        screenshot("buyer-quote-1360.png");

        browser.findElement(By.id("signer-name")).sendKeys("Erika Mustermann");
        browser.findElement(By.id("signer-email")).sendKeys("erika@acme.example");
        WebElement pad = browser.findElement(By.id("signature-pad"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", pad);
        new Actions(browser).moveToElement(pad, -120, 10).clickAndHold().moveByOffset(60, -30).moveByOffset(60, 40)
                .moveByOffset(80, -20).release().perform();
        browser.findElement(By.id("consent")).click();
        screenshot("buyer-quote-signing.png");
        browser.findElement(By.id("sign-submit")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("banner-signed")));
        assertThat(browser.findElement(By.id("banner-signed")).getText()).startsWith("Buyer: signed by Erika Mustermann");
        assertThat(browser.findElements(By.id("sign-form"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("button.checkout")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".signature-image")).getAttribute("src")).startsWith("data:image/png");
        assertThat(AsAdmin.call(() -> quotes.get(published.quote().id())).status()).isEqualTo(QuoteStatus.SIGNED);
        screenshot("buyer-quote-signed.png");

        String pdfHref = browser.findElement(By.id("download-pdf")).getAttribute("href");
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(pdfHref))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(BuyerQuotePageIT.pdfText(response.body())).contains("Signature certificate", "Erika Mustermann");
    }

    @Test
    void the_same_page_in_german_on_a_phone() throws Exception {
        QuoteService.Published published = BuyerPages.publish(quotes, deal, Locale.GERMAN, "Viele Grüße",
                "Zahlbar innerhalb von 30 Tagen.", true, null, true);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get("http://localhost:" + port + published.linkPath());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-form")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Acme rollout");
        assertThat(browser.getPageSource()).contains("Angebot Q-1001 · Version 1", "Jetzt fällig", "Angebot unterschreiben");
        // Nothing is wider than the phone.
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        screenshot("buyer-quote-de-390.png");
    }

    /** Headless Chromium may report no pointer, and then offers the typed name first: switch to drawing. */
    private void showPad(WebDriverWait wait) {
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("signature-pad")),
                ExpectedConditions.visibilityOfElementLocated(By.id("use-pad"))));
        if (!browser.findElement(By.id("signature-pad")).isDisplayed()) {
            browser.findElement(By.id("use-pad")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-pad")));
        assertThat(browser.findElement(By.id("signature-mode")).getAttribute("value")).isEqualTo("drawn");
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
