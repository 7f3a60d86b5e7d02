package com.commercehub.checkout;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.GreenMailSupport;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice e-mails as they arrive (GreenMail): a resend from the invoice page reaches the other address once per
 * request, in the invoice's language, with the PDF and the very link of the first e-mail, which still opens.
 */
@WithMockUser(username = "sam@example.com", roles = {"SALES", "ADMIN"})
class InvoiceMailsIT extends GreenMailSupport {

    private static final Pattern INVOICE_LINK = Pattern.compile("https?://[^\\s\"<>]+(/invoice/[A-Za-z0-9_-]{43})");

    @Autowired
    InvoiceService invoices;
    @Autowired
    UserService users;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void a_resend_arrives_once_per_request_with_the_pdf_and_the_same_link_which_still_opens() throws Exception {
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        String buyer = "resend-" + UUID.randomUUID() + "@example.com";
        InvoiceDetails draft = invoices.createDraft(new InvoiceHeader(null, null, null, "Nordlicht AG", buyer,
                Locale.GERMAN, java.util.Currency.getInstance("EUR"), calendar.today(), PaymentTerms.NET_30, null, null,
                null, false, null, null), List.of(new LineItemDraft(null, "Beratung", null, BigDecimal.ONE,
                new BigDecimal("450.00"), null, null, null, false, null, null)));
        InvoiceDetails sent = invoices.send(draft.id(), draft.version());
        String firstLink = link(mailsTo(buyer, 1).getFirst());

        String other = "buchhaltung-" + UUID.randomUUID() + "@example.com";
        String request = UUID.randomUUID().toString();
        invoices.resend(sent.id(), other, request);
        invoices.resend(sent.id(), other, request); // a double click: the same request
        List<MimeMessage> resent = mailsTo(other, 1);
        assertThat(resent).hasSize(1);
        MimeMessage mail = resent.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Rechnung " + sent.number());
        assertThat(link(mail)).isEqualTo(firstLink);
        assertThat(attachments(mail)).containsExactly(sent.number() + ".pdf");

        // The link still opens the invoice, with Pay.
        PaymentFlow flow = new PaymentFlow(jdbc, port);
        var page = flow.get(firstLink);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(sent.number(), "450,00", "invoice-pay");

        // A new request is a new e-mail; the history names both.
        invoices.resend(sent.id(), null, UUID.randomUUID().toString());
        assertThat(mailsTo(buyer, 2)).hasSize(2);
        Thread.sleep(1500); // a third message, were one coming, would be here by now
        assertThat(mailsTo(other, 1)).hasSize(1);
        assertThat(invoices.history(sent.id())).extracting(e -> e.kind().name() + " " + e.recipient() + " " + e.actor())
                .containsExactly("SENT " + buyer + " sam@example.com", "RESENT " + other + " sam@example.com",
                        "RESENT " + buyer + " sam@example.com");
    }

    /** The invoice page's path in the e-mail's text. */
    private static String link(MimeMessage mail) throws Exception {
        Matcher found = INVOICE_LINK.matcher(text(mail));
        assertThat(found.find()).as("an invoice link in the e-mail").isTrue();
        return found.group(1);
    }
}
