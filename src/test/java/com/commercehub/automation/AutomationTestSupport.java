package com.commercehub.automation;

import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyDraft;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactDraft;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.base.money.Money;
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.MutableClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One context for the automation ITs: a hand-moved clock (business time follows it), a real SMTP server
 * (GreenMail), schedulers slowed to an hour so each test runs them itself. Every test makes its own owner,
 * buyers and deals, and its workflows are conditioned on that owner, so records of other test classes in the
 * shared database never enrol in them; workflows and endpoints are deleted afterwards.
 */
@SpringBootTest(properties = {"hub.mail.poll-interval=PT1H", "hub.mail.initial-delay=PT1H"})
@ActiveProfiles("test")
@Import(AutomationTestSupport.TestClock.class)
abstract class AutomationTestSupport {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
    static final String ACCOUNT = "acct_automation_test";

    static final ServerSetup SMTP_SETUP = ServerSetupTest.SMTP.dynamicPort();
    static final GreenMail smtp = startSmtp();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("hub.mail.smtp.host", () -> "127.0.0.1");
        registry.add("hub.mail.smtp.port", () -> smtp.getSmtp().getPort());
        registry.add("hub.mail.smtp.from", () -> "Commerce Hub <hub@shop.example>");
        registry.add("hub.mail.smtp.starttls", () -> "false");
    }

    // One server for the JVM, never stopped by a test class: the automation ITs share one cached Spring context
    // whose mail properties point at this port, so a class that stopped it after itself (@AfterAll) left the next
    // class's e-mails with "connection refused". The JVM's end stops it.
    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(SMTP_SETUP);
        server.start();
        return server;
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    WorkflowService workflows;
    @Autowired
    WebhookEndpointService endpoints;
    @Autowired
    AutomationScheduler scheduler;
    @Autowired
    OutboundWebhookSender webhookSender;
    @Autowired
    PaymentRecords payments;
    @Autowired
    UserService users;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    DealService deals;

    /** A staff member of this test alone: the owner its workflows are conditioned on. */
    String owner;
    private final List<Long> madeWorkflows = new ArrayList<>();
    private final List<Long> madeEndpoints = new ArrayList<>();

    @BeforeEach
    void freshOwnerAndClock() throws Exception {
        clock.set(START);
        smtp.purgeEmailFromAllMailboxes();
        owner = "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        QuoteTestData.staff(users, owner, Role.SALES);
        AsAdmin.call(() -> workflows.updateSettings(new AutomationSettings(ZoneId.of("Europe/Berlin"), 9, false)));
    }

    @AfterEach
    void removeWorkflowsAndEndpoints() {
        AsAdmin.call(() -> {
            madeWorkflows.forEach(workflows::delete);
            madeEndpoints.forEach(endpoints::delete);
            return workflows.updateSettings(new AutomationSettings(ZoneId.of("UTC"), 9, false));
        });
        madeWorkflows.clear();
        madeEndpoints.clear();
    }

    /** Saves and switches on a workflow restricted to this test's owner. */
    WorkflowDetails activeWorkflow(WorkflowDraft draft) {
        WorkflowDraft mine = new WorkflowDraft(draft.name(), draft.trigger(),
                new Conditions(draft.conditions().minAmount(), draft.conditions().maxAmount(),
                        draft.conditions().currency(), draft.conditions().productId(), owner,
                        draft.conditions().dealStage()), draft.delay(), draft.actions());
        return AsAdmin.call(() -> {
            WorkflowDetails created = workflows.create(mine);
            madeWorkflows.add(created.id());
            return workflows.setActive(created.id(), created.version(), true, false);
        });
    }

    WorkflowDetails fromTemplate(WorkflowTemplate template) {
        WorkflowDetails seeded = AsAdmin.call(() -> workflows.createFromTemplate(template, Locale.ENGLISH));
        madeWorkflows.add(seeded.id());
        WorkflowDraft draft = seeded.draft();
        return AsAdmin.call(() -> {
            WorkflowDetails restricted = workflows.update(seeded.id(), seeded.version(), new WorkflowDraft(draft.name(),
                    draft.trigger(), new Conditions(null, null, null, null, owner, null), draft.delay(), draft.actions()));
            return workflows.setActive(restricted.id(), restricted.version(), true, false);
        });
    }

    /** Deleted after the test like the ones made through the helpers. */
    void remember(long workflowId) {
        madeWorkflows.add(workflowId);
    }

    long endpoint(String url) {
        long id = AsAdmin.call(() -> endpoints.create("Receiver " + UUID.randomUUID(), url)).endpoint().id();
        madeEndpoints.add(id);
        return id;
    }

    ContactSummary buyer(String firstName, Locale locale) {
        return AsAdmin.call(() -> {
            long company = companies.create(new CompanyDraft("Buyer Co " + UUID.randomUUID(), null, null, "DE")).id();
            return contacts.create(new ContactDraft(firstName, "Tester",
                    "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@buyer.example", company, locale));
        });
    }

    DealDetails deal(ContactSummary buyer) {
        return AsAdmin.call(() -> {
            DealDetails deal = deals.create(new DealDraft("Deal " + UUID.randomUUID(), owner, DealStage.PROPOSAL,
                    Currency.getInstance("EUR"), buyer.companyId(), Set.of(buyer.id()), null));
            return deals.addLine(deal.id(), deal.version(), new LineItemDraft(null, "Workshop", null, BigDecimal.ONE,
                    new BigDecimal("1200.00"), null, null, null, false, null, null));
        });
    }

    /** The payment as Stripe's events record it, through the one writer of payments. */
    long payment(DealDetails deal, ContactSummary buyer, PaymentStatus status, String amount) {
        PaymentFacts facts = new PaymentFacts(ACCOUNT, "pi_" + UUID.randomUUID(), null, null, deal.id(), buyer.id(),
                buyer.companyId(), null, null, null, null, "ch_" + UUID.randomUUID(), "card", status,
                new Money(new BigDecimal(amount), Currency.getInstance("EUR")), null, null, null,
                status.received() ? clock.instant() : null);
        return new TransactionTemplate(transactions).execute(tx -> payments.record(facts).id());
    }

    List<String> stepStatuses(long workflowId) {
        return jdbc.sql("SELECT status FROM automation_step WHERE workflow = :w ORDER BY id").param("w", workflowId)
                .query(String.class).list();
    }

    /** Workflow e-mails to the address (the app's own e-mails about signatures and payments left out). */
    int outboxCount(String recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM email_outbox WHERE recipient = :r AND kind = 'automation.workflow'")
                .param("r", recipient)
                .query(Integer.class).single();
    }
}
