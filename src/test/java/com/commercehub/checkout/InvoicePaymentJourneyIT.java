package com.commercehub.checkout;

import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.InvoiceStatus;
import com.commercehub.invoice.PaymentTerms;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the buyer opens the link in the e-mail that sending the invoice wrote to the outbox, pays
 * with 4242 on the sandbox's Checkout page, comes back to the invoice, and — once the webhook has recorded the
 * payment — sees it paid in full, with nothing left to pay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvoicePaymentJourneyIT {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/invoice/[A-Za-z0-9_-]{43}");

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    InvoiceService invoices;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    BusinessCalendar calendar;
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
    void the_buyer_pays_an_invoice_from_its_email_link() throws Exception {
        AsAdmin.call(stripe::useSandbox);
        String email = "journey-" + UUID.randomUUID() + "@example.com";
        InvoiceDetails invoice = AsAdmin.call(() -> {
            InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, null, null, "Erika Mustermann", email,
                    Locale.ENGLISH, Currency.getInstance("EUR"), calendar.today(), PaymentTerms.NET_15, null, null, null,
                    false, "Thank you for your business", null), List.of(new LineItemDraft(null, "Implementation", null,
                    new BigDecimal("3"), new BigDecimal("150.00"), null, null, null, false, null, null)));
            return invoices.send(draft.id(), draft.version());
        });
        String mail = jdbc.sql("SELECT text_body FROM email_outbox WHERE recipient = :to AND kind = 'invoice.sent'")
                .param("to", email).query(String.class).single();
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).as("a link in %s", mail).isTrue();

        buyer = HeadlessChromium.start(1280, 1000);
        WebDriverWait wait = new WebDriverWait(buyer, Duration.ofSeconds(60));
        buyer.get(link.group());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-pay")));
        assertThat(buyer.findElement(By.id("invoice-number")).getText()).contains(invoice.number());
        assertThat(buyer.findElement(By.id("invoice-amount-due")).getText()).isEqualTo("€450.00");
        assertThat(buyer.findElement(By.id("invoice-pdf")).getAttribute("href")).endsWith("/pdf");
        HeadlessChromium.screenshot(buyer, "invoice-journey-page.png");

        buyer.findElement(By.id("invoice-pay")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card")));
        var emailField = buyer.findElement(By.id("email"));
        if (emailField.getAttribute("value").isBlank()) {
            emailField.sendKeys(email);
        }
        buyer.findElement(By.id("name")).sendKeys("Erika Mustermann");
        buyer.findElement(By.id("card")).sendKeys("4242 4242 4242 4242");
        buyer.findElement(By.id("pay")).click();
        wait.until(ExpectedConditions.urlContains("/invoice/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-status")));
        assertThat(buyer.getCurrentUrl()).contains("/paid?session_id=cs_");

        // Paid only once the webhook has recorded the payment: the page is reloaded until it says so.
        WebDriverWait webhook = new WebDriverWait(buyer, Duration.ofSeconds(30), Duration.ofMillis(500));
        webhook.until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("invoice-status")).getText().equals("Paid in full");
        });
        assertThat(buyer.findElements(By.id("invoice-pay"))).isEmpty();
        assertThat(buyer.findElement(By.id("invoice-amount-due")).getText()).isEqualTo("€0.00");
        HeadlessChromium.screenshot(buyer, "invoice-journey-paid.png");
        assertThat(AsAdmin.call(() -> invoices.get(invoice.id())).status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE invoice = :id AND status = 'SUCCEEDED'")
                .param("id", invoice.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void on_a_phone_the_invoice_page_does_not_scroll_sideways_and_each_line_value_is_labelled() throws Exception {
        AsAdmin.call(stripe::useSandbox);
        // A long address in the facts table widened the page to 450 px on a 390 px phone (seen in the walk).
        String email = "erika.mustermann.buchhaltung-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        InvoiceDetails invoice = AsAdmin.call(() -> {
            InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, null, null, "Erika Mustermann", email,
                    Locale.GERMAN, Currency.getInstance("EUR"), calendar.today(), PaymentTerms.NET_15, null, null, null,
                    true, null, null), List.of(new LineItemDraft(null, "Implementierung", null,
                    new BigDecimal("3"), new BigDecimal("150.00"), null, null, null, false, null, null)));
            return invoices.send(draft.id(), draft.version());
        });
        String path = AsAdmin.call(() -> invoices.buyerPath(invoice.id())).orElseThrow();

        buyer = HeadlessChromium.start(390, 844);
        // A window starts at least 500 px wide; resized, it is a phone's 390.
        buyer.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        new WebDriverWait(buyer, Duration.ofSeconds(10)).until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return window.innerWidth")).intValue() <= 390);
        buyer.get("http://127.0.0.1:" + port + path);
        new WebDriverWait(buyer, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-pay")));
        HeadlessChromium.screenshot(buyer, "invoice-phone.png");
        var js = (org.openqa.selenium.JavascriptExecutor) buyer;
        long pageWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
        long windowWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
        assertThat(pageWidth).isLessThanOrEqualTo(windowWidth);
        // The phone's line cards name each number (they showed "3", "€450.00" … with no caption).
        assertThat(js.executeScript("return [...document.querySelectorAll('table.lines td.num')]"
                + ".map(td => getComputedStyle(td, '::before').content).join('|')"))
                .isEqualTo("\"Menge\"|\"Stückpreis\"|\"Betrag\"");
    }
}
