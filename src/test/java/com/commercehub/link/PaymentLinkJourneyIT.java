package com.commercehub.link;

import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer in a real browser: opens a payment link, goes on to the sandbox's checkout, types a promotion
 * code, pays with 4242 and sees the link's thank-you message with the discounted amount.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentLinkJourneyIT {

    @LocalServerPort
    int port;
    @Autowired
    PaymentLinkService links;
    @Autowired
    PromotionCodeService codes;
    @Autowired
    ProductService products;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;

    private WebDriver buyer;

    @AfterEach
    void closeBrowser() {
        if (buyer != null) {
            buyer.quit();
        }
    }

    @Test
    void a_buyer_pays_through_a_payment_link_with_a_promotion_code_and_4242() throws Exception {
        AsAdmin.call(() -> { stripe.useSandbox(); return null; });
        String sku = "PLJ-" + UUID.randomUUID().toString().substring(0, 8);
        long product = AsAdmin.call(() -> products.create(ProductTestData.oneTime("Photo course " + sku, sku, "40.00", "EUR")).id());
        String code = "WELCOME" + UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT);
        AsAdmin.call(() -> codes.create(new PromotionCodeDraft(code, new BigDecimal("10"), null, null, null)));
        String name = "Photo course " + sku;
        long linkId = AsAdmin.call(() -> links.create(new PaymentLinkDraft(name,
                List.of(new PaymentLinkDraft.Item(product, 3, 1, 5)), true, null, false, "", false, null, false,
                PaymentLinkDraft.AfterPayment.MESSAGE, "See you in class!", null, null, null)));
        String address = AsAdmin.call(() -> links.address(linkId));

        buyer = HeadlessChromium.start(1280, 1000);
        WebDriverWait wait = new WebDriverWait(buyer, Duration.ofSeconds(60));
        buyer.get("http://127.0.0.1:" + port + address.substring(address.indexOf("/pay/")));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("link-name"))).getText()).isEqualTo(name);
        assertThat(buyer.findElement(By.id("total")).getText()).contains("120.00");
        HeadlessChromium.screenshot(buyer, "payment-link-page.png");
        buyer.findElement(By.id("pay")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("promotion-code"))).sendKeys(code.toLowerCase(Locale.ROOT));
        buyer.findElement(By.id("promotion-apply")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("promotion-applied"))).getText()).contains(code);
        assertThat(buyer.findElement(By.id("pay")).getText()).contains("108.00");
        HeadlessChromium.screenshot(buyer, "payment-link-checkout-with-code.png");
        buyer.findElement(By.id("email")).sendKeys("jo@buyer.example");
        buyer.findElement(By.id("name")).sendKeys("Jo Lens");
        buyer.findElement(By.id("card")).sendKeys("4242 4242 4242 4242");
        buyer.findElement(By.id("pay")).click();

        String paid = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("payment-paid"))).getText();
        assertThat(paid).contains("€108.00").contains("See you in class!");
        HeadlessChromium.screenshot(buyer, "payment-link-thank-you.png");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_link = :l AND amount = 108 AND status = 'SUCCEEDED'")
                .param("l", linkId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void on_a_phone_the_link_page_keeps_items_and_totals_as_rows_of_name_and_amount() throws Exception {
        AsAdmin.call(() -> { stripe.useSandbox(); return null; });
        String sku = "PLP-" + UUID.randomUUID().toString().substring(0, 8);
        long product = AsAdmin.call(() -> products.create(ProductTestData.oneTime("Lens cleaning kit " + sku, sku, "25.00", "EUR")).id());
        long linkId = AsAdmin.call(() -> links.create(new PaymentLinkDraft("Kit " + sku,
                List.of(new PaymentLinkDraft.Item(product, 2, null, null)), false, null, false, "", false, null, false,
                PaymentLinkDraft.AfterPayment.MESSAGE, null, null, null, null)));
        String address = AsAdmin.call(() -> links.address(linkId));

        buyer = HeadlessChromium.start(390, 844);
        // A window starts at least 500 px wide; resized, it is a phone's 390.
        buyer.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        new WebDriverWait(buyer, Duration.ofSeconds(10)).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return window.innerWidth")).intValue() <= 390);
        buyer.get("http://127.0.0.1:" + port + address.substring(address.indexOf("/pay/")));
        new WebDriverWait(buyer, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.id("total")));
        HeadlessChromium.screenshot(buyer, "payment-link-phone.png");
        var js = (org.openqa.selenium.JavascriptExecutor) buyer;
        // The phone rules for quote lines made each total a card of its own, label and amount jumbled (seen in the walk).
        assertThat(js.executeScript("var t = document.getElementById('total'); var label = t.previousElementSibling;"
                + "return Math.abs(t.getBoundingClientRect().top - label.getBoundingClientRect().top) < 2"
                + " && t.getBoundingClientRect().left >= label.getBoundingClientRect().right - 1"
                + " && t.getBoundingClientRect().right > window.innerWidth - 80")).isEqualTo(true);
        assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
                .isLessThanOrEqualTo(((Number) js.executeScript("return window.innerWidth")).longValue());
    }
}
