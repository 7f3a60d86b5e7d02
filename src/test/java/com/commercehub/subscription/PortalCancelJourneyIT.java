package com.commercehub.subscription;

import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.checkout.SubscribedBuyers;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In real browsers: a buyer opens the portal from their magic link, cancels their subscription at period end
 * with a reason, and the sales rep then sees it scheduled to cancel, with the buyer's action in the history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class PortalCancelJourneyIT {

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
    SandboxApiKey sandboxKey;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BuyerPortal portal;

    private WebDriver buyer;
    private WebDriver rep;

    @AfterEach
    void closeBrowsers() {
        for (WebDriver browser : new WebDriver[]{buyer, rep}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void a_buyer_cancels_in_the_portal_and_staff_see_it() throws Exception {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        jdbc.sql("DELETE FROM app_user WHERE email = 'rita.subs@example.com'").update();
        AsAdmin.call(() -> users.create("rita.subs@example.com", "Rita Rep", "journey password 123", EnumSet.of(Role.SALES)));
        stripe.useSandbox();
        SubscribedBuyers.Subscribed bought = new SubscribedBuyers(quotes, deals, companies, contacts, jdbc, port, sandboxKey)
                .subscribe();
        String link = AsAdmin.call(() -> portal.issueLink(bought.contactId()));

        buyer = HeadlessChromium.start(1200, 1000);
        buyer.get(link);
        WebDriverWait wait = new WebDriverWait(buyer, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscription-" + bought.subscriptionId())));
        HeadlessChromium.screenshot(buyer, "portal-subscriptions.png");
        buyer.findElement(By.id("reason-" + bought.subscriptionId())).sendKeys("Wir brauchen es nicht mehr");
        buyer.findElement(By.id("cancel-" + bought.subscriptionId())).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("portal-notice")));
        assertThat(buyer.findElement(By.id("subscription-" + bought.subscriptionId())).getAttribute("data-state"))
                .isEqualTo("scheduled_to_cancel");
        HeadlessChromium.screenshot(buyer, "portal-canceled.png");

        rep = HeadlessChromium.start(1360, 1000);
        WebDriverWait repWait = new WebDriverWait(rep, Duration.ofSeconds(60));
        rep.get("http://127.0.0.1:" + port + "/subscriptions/" + bought.subscriptionId());
        repWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys("rita.subs@example.com");
        rep.findElement(By.cssSelector("input[name='password']")).sendKeys("journey password 123", Keys.ENTER);
        repWait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".subscription-state")));
        repWait.until(driver -> driver.getPageSource().contains("Wir brauchen es nicht mehr"));
        HeadlessChromium.screenshot(rep, "portal-cancel-staff.png");
        assertThat(rep.findElement(By.cssSelector(".subscription-state")).getText()).isEqualTo("Scheduled to cancel");
        assertThat(rep.getPageSource()).contains("Buyer (portal)").contains(bought.email());
    }
}
