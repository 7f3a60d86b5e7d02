package com.commercehub.sandbox;

import org.junit.jupiter.api.AfterEach;
import com.commercehub.base.payments.SandboxApiKey;
import com.commercehub.testsupport.AsAdmin;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoicePayParams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Standalone invoices through stripe-java: due dates, overdue on the sandbox clock, the hosted invoice page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InvoiceSandboxIT {

    @LocalServerPort
    int port;

    @Autowired
    SandboxApiKey sandboxKey;
    @Autowired
    SandboxClockService clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private StripeClient stripe() {
        return StripeClient.builder().setApiKey(sandboxKey.secretKey())
                .setApiBase("http://127.0.0.1:" + port + "/sandbox/stripe").build();
    }

    /** An open send_invoice invoice of 2 × 150.00 EUR + 40.00 EUR, due in 14 days. */
    private Invoice openInvoice() throws Exception {
        Customer customer = stripe().v1().customers().create(CustomerCreateParams.builder()
                .setEmail("ap@buyer.example").setName("Buyer AP").build());
        stripe().v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setCurrency("eur").setAmount(30_000L).setDescription("Consulting, 2 days").build());
        stripe().v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setCurrency("eur").setAmount(4_000L).setDescription("Travel").build());
        Invoice draft = stripe().v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(14L)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
        assertThat(draft.getStatus()).isEqualTo("draft");
        return stripe().v1().invoices().finalizeInvoice(draft.getId());
    }

    private List<String> eventTypesFor(String objectId) throws Exception {
        return stripe().v1().events().list(EventListParams.builder().setLimit(100L).build()).getData().stream()
                .filter(e -> e.getDataObjectDeserializer().getRawJson().contains(objectId))
                .map(Event::getType).toList();
    }

    private HttpResponse<String> payOnPage(String path, String card) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=" + card)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Tests share one database: a sandbox clock left ahead would move the next test's dates. */
    @AfterEach
    void resetTheSandboxClock() {
        AsAdmin.call(clock::reset);
    }

    @Test
    void a_sent_invoice_has_a_due_date_becomes_overdue_on_the_clock_and_is_paid_on_its_page() throws Exception {
        Invoice invoice = openInvoice();
        assertThat(invoice.getStatus()).isEqualTo("open");
        assertThat(invoice.getAmountDue()).isEqualTo(34_000L);
        assertThat(invoice.getLines().getData()).extracting(line -> line.getDescription())
                .containsExactly("Consulting, 2 days", "Travel");
        assertThat(invoice.getDueDate()).isEqualTo(invoice.getCreated() + 14 * 86_400L);
        assertThat(invoice.getHostedInvoiceUrl()).endsWith("/sandbox/invoice/" + invoice.getId());
        stripe().v1().invoices().sendInvoice(invoice.getId());

        AsAdmin.call(() -> clock.advance(Duration.ofDays(10)));
        assertThat(eventTypesFor(invoice.getId())).contains("invoice.created", "invoice.finalized", "invoice.sent")
                .doesNotContain("invoice.overdue");
        AsAdmin.call(() -> clock.advance(Duration.ofDays(5)));
        AsAdmin.call(() -> clock.advance(Duration.ofDays(5)));
        assertThat(eventTypesFor(invoice.getId()).stream().filter("invoice.overdue"::equals)).hasSize(1);

        String path = URI.create(invoice.getHostedInvoiceUrl()).getPath();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Consulting, 2 days").contains("€340.00").contains("Due on");
        assertThat(payOnPage(path, "4000000000000002").body()).contains("Your card was declined.");
        assertThat(stripe().v1().invoices().retrieve(invoice.getId()).getStatus()).isEqualTo("open");

        assertThat(payOnPage(path, "4242424242424242").body()).contains("This invoice has been paid.");
        Invoice paid = stripe().v1().invoices().retrieve(invoice.getId());
        assertThat(paid.getStatus()).isEqualTo("paid");
        assertThat(paid.getAmountRemaining()).isZero();
        assertThat(eventTypesFor(invoice.getId())).contains("invoice.payment_failed", "invoice.paid");
    }

    @Test
    void three_d_secure_on_the_invoice_page_pays_once_approved() throws Exception {
        Invoice invoice = openInvoice();
        String path = URI.create(invoice.getHostedInvoiceUrl()).getPath();
        HttpResponse<String> challenge = payOnPage(path, "4000002760003184");
        assertThat(challenge.statusCode()).isEqualTo(303);
        String authenticate = challenge.headers().firstValue("Location").orElseThrow();
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + authenticate))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("outcome=approve")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stripe().v1().invoices().retrieve(invoice.getId()).getStatus()).isEqualTo("paid");
    }

    @Test
    void out_of_band_payment_void_and_stripes_rules_on_due_dates() throws Exception {
        Invoice paidElsewhere = stripe().v1().invoices().pay(openInvoice().getId(),
                InvoicePayParams.builder().setPaidOutOfBand(true).build());
        assertThat(paidElsewhere.getStatus()).isEqualTo("paid");

        Invoice voided = stripe().v1().invoices().voidInvoice(openInvoice().getId());
        assertThat(voided.getStatus()).isEqualTo("void");
        assertThatThrownBy(() -> stripe().v1().invoices().pay(voided.getId(),
                InvoicePayParams.builder().setPaidOutOfBand(true).build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("only open invoices can be paid");

        String customer = voided.getCustomer();
        assertThatThrownBy(() -> stripe().v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer)
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getStripeError().getParam()).isEqualTo("days_until_due"));
        assertThatThrownBy(() -> stripe().v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer)
                .setDaysUntilDue(3L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.getStripeError().getParam()).isEqualTo("days_until_due"));
    }
}
