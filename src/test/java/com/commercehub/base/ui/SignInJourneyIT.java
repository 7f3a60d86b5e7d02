package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-browser smoke test: headless Chromium signs in and sees the shell. Skipped, with a message
 * saying what to install, where Chromium or its driver is missing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignInJourneyIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.crm.DealService deals;
    @Autowired
    com.commercehub.crm.CompanyService companies;
    @Autowired
    com.commercehub.crm.ContactService contacts;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = HeadlessChromium.start(1280, 900);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void admin_signs_in_and_sees_the_shell() throws IOException {
        jdbc.sql("DELETE FROM app_user WHERE email = 'journey@example.com'").update();
        AsAdmin.call(() -> users.create("journey@example.com", "Jo Journey", "journey password 123",
                EnumSet.of(Role.ADMIN)));

        WebDriverWait wait = signIn("/", "journey@example.com", "journey password 123");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-side-nav-item[path='users']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2"), "Welcome, Jo Journey"));
        assertThat(browser.findElement(By.cssSelector(".sandbox-badge")).getText())
                .isEqualTo("Sandbox — no real money moves");
        screenshot("shell-after-sign-in.png");

        // The product library: empty at first, then the admin loads the demo catalogue.
        com.commercehub.product.ProductTestData.clear(jdbc);
        browser.findElement(By.cssSelector("vaadin-side-nav-item[path='products']")).click();
        WebElement loadDemo = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space()='Load demo catalogue']")));
        loadDemo.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-grid"), "Support plan"));
        assertThat(browser.findElement(By.cssSelector("vaadin-grid")).getText()).contains("DEMO-CONSULT");
        screenshot("product-library.png");
    }

    @Test
    void a_sales_rep_creates_a_quote_from_a_deal_turns_payment_on_and_publishes_it() throws IOException {
        com.commercehub.quote.QuoteTestData.clear(jdbc);
        jdbc.sql("DELETE FROM app_user WHERE email = 'rep@example.com'").update();
        AsAdmin.call(() -> users.create("rep@example.com", "Rita Rep", "journey password 123", EnumSet.of(Role.SALES)));
        var deal = AsAdmin.call(() -> com.commercehub.quote.QuoteTestData.dealWithLines(deals,
                com.commercehub.quote.QuoteTestData.buyer(companies, contacts, java.util.Locale.ENGLISH)));

        WebDriverWait wait = signIn("/deals/" + deal.id(), "rep@example.com", "journey password 123");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//vaadin-button[normalize-space()='Create quote']")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h2"), "Q-1001 · Acme rollout"));
        assertThat(browser.findElement(By.cssSelector(".quote-first-payment")).getText())
                .isEqualTo("Due at checkout: €2,973.81");

        clickInView(browser.findElement(
                By.xpath("//vaadin-checkbox[normalize-space()='Use connected Stripe account (collect payment at checkout)']")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".quote-payment-warnings"),
                "Renewals are charged without the buyer present"));
        screenshot("quote-payment-on.png");
        clickInView(browser.findElement(By.xpath("//vaadin-button[normalize-space()='Publish']")));
        clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.id("quote-review-publish"))));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".quote-status"),
                "Published, version 1"));
        screenshot("quote-published.png");
    }

    @Test
    void a_demoted_admin_s_open_ui_lands_on_the_login_page_at_the_next_click() {
        jdbc.sql("DELETE FROM app_user WHERE email IN ('demoted@example.com', 'keeper@example.com')").update();
        var demoted = AsAdmin.call(() -> users.create("demoted@example.com", "Dee Demoted", "journey password 123",
                EnumSet.of(Role.ADMIN)));
        AsAdmin.call(() -> users.create("keeper@example.com", "Kim Keeper", "journey password 123",
                EnumSet.of(Role.ADMIN)));

        WebDriverWait wait = signIn("/users", "demoted@example.com", "journey password 123");
        WebElement add = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-button[normalize-space()='Add user']")));
        AsAdmin.call(() -> users.update(demoted.id(), demoted.version(), "Dee Demoted", EnumSet.of(Role.SALES), true));
        // A script click: the development-mode toolbar may lie over the top right corner.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click()", add);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElements(By.cssSelector("vaadin-dialog-overlay"))).isEmpty();
    }

    /** The builder is longer than the window: scroll the element to the middle, then click it. */
    private void clickInView(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                element);
        element.click();
    }

    /** Opens {@code path}, is sent to the login page, signs in and lands back on it. */
    private WebDriverWait signIn(String path, String email, String password) {
        browser.get("http://localhost:" + port + path);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("vaadin-login-form")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys(email);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(password, Keys.ENTER);
        return wait;
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
