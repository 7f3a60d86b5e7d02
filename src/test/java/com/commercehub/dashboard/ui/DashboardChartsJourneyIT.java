package com.commercehub.dashboard.ui;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.payment.Settlement;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser with payments of the last weeks: Chart.js (loaded from the app's static
 * resources) draws every chart — each canvas is there and has painted pixels. The screenshot is kept in
 * target/screenshots/dashboard.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardChartsJourneyIT {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    PaymentRecords records;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void every_chart_of_the_dashboard_is_drawn() throws Exception {
        jdbc.sql("DELETE FROM app_user WHERE email = 'fiona@example.com'").update();
        AsAdmin.call(() -> users.create("fiona@example.com", "Fiona Finance", "journey password 123", EnumSet.of(Role.FINANCE)));
        String key = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 20; i++) {
                Money amount = Money.of(BigDecimal.valueOf(5_000 + i * 731L, 2), "EUR");
                Money fee = Money.of(new BigDecimal("1.50"), "EUR");
                records.record(new PaymentFacts("acct_journey", "pi_" + key + i, null, null, null, null, null, null,
                        "cs_" + key + i, "pi_" + key + i, null, "ch_" + key + i, "card", PaymentStatus.SUCCEEDED, amount,
                        new Settlement("txn_" + key + i, amount, fee, amount.minus(fee), null), null, null,
                        clock.instant().minus(Duration.ofDays(i))));
            }
        });

        browser = HeadlessChromium.start(1400, 1800);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get("http://127.0.0.1:" + port + "/dashboard");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']"))).sendKeys("fiona@example.com");
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys("journey password 123", Keys.ENTER);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".dashboard-chart canvas"), 5));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            wait.until(b -> Boolean.TRUE.equals(js.executeScript("return typeof window.Chart === 'function';")));
        } finally {
            HeadlessChromium.screenshot(browser, "dashboard-loading.png");
        }
        wait.until(b -> Boolean.TRUE.equals(js.executeScript(
                "return [...document.querySelectorAll('.dashboard-chart canvas')].every(c => c._chart !== undefined);")));
        Object painted = js.executeScript("""
                return [...document.querySelectorAll('.dashboard-chart canvas')].map(c => {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; }
                  return c.width > 0 && c.height > 0 ? n : -1; });""");
        HeadlessChromium.screenshot(browser, "dashboard.png");
        assertThat((java.util.List<?>) painted).hasSize(5)
                .allSatisfy(pixels -> assertThat(((Number) pixels).longValue()).as("painted pixels").isGreaterThan(500));
        assertThat(browser.findElement(By.cssSelector(".kpi-card[data-kpi='gross'] .kpi-value")).getText()).startsWith("€");
    }
}
