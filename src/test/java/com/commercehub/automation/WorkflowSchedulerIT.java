package com.commercehub.automation;

import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.mail.MailTestAccess;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.testsupport.AsAdmin;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Enrolment from payment events, due-time execution on the business clock, once per step whatever happens. */
class WorkflowSchedulerIT extends AutomationTestSupport {

    @Test
    void the_survey_goes_to_each_buyer_30_days_after_payment_in_their_language_and_only_once() throws Exception {
        WorkflowDetails survey = fromTemplate(WorkflowTemplate.SURVEY_AFTER_PAYMENT);
        ContactSummary erika = buyer("Erika <b>&", Locale.GERMAN);
        ContactSummary ada = buyer("Ada", Locale.ENGLISH);
        payment(deal(erika), erika, PaymentStatus.SUCCEEDED, "1200.00");
        payment(deal(ada), ada, PaymentStatus.SUCCEEDED, "99.50");
        assertThat(stepStatuses(survey.id())).containsExactly("PENDING", "PENDING");

        // 30 calendar days in Europe/Berlin: summer time began meanwhile, so it is 09:00 local again, 29 d 23 h later.
        clock.advance(Duration.ofDays(30).minusHours(1).minusMinutes(1));
        scheduler.runOnce();
        assertThat(outboxCount(erika.email()) + outboxCount(ada.email())).isZero();

        clock.advance(Duration.ofMinutes(1));
        scheduler.runOnce();
        scheduler.runOnce();
        assertThat(stepStatuses(survey.id())).containsExactly("DONE", "DONE");
        assertThat(outboxCount(erika.email())).isEqualTo(1);
        assertThat(outboxCount(ada.email())).isEqualTo(1);

        while (MailTestAccess.sendDue(context) > 0) {
            // deliver everything due, other tests' leftovers included
        }
        MimeMessage german = received(erika.email());
        assertThat(german.getSubject()).isEqualTo("Wie zufrieden sind Sie mit Ihrem Kauf, Erika <b>& Tester?");
        String germanBody = content(german);
        assertThat(germanBody).contains("Hallo Erika &lt;b&gt;&amp; Tester", "1.200,00");
        assertThat(germanBody).doesNotContain("<b>&");
        MimeMessage english = received(ada.email());
        assertThat(english.getSubject()).isEqualTo("How was your purchase, Ada Tester?");
        assertThat(content(english)).contains("Hello Ada Tester", "€99.50");
    }

    @Test
    void two_schedulers_at_once_send_each_step_once() throws Exception {
        WorkflowDetails now = activeWorkflow(new WorkflowDraft("Thank you at once", Trigger.PAYMENT_SUCCEEDED, null,
                Delay.NONE, List.of(WorkflowAction.email(WorkflowAction.Recipient.BUYER, null,
                WorkflowAction.EmailTemplate.CUSTOM, "Thanks {{customer.name}}", "We got {{amount}}."))));
        List<ContactSummary> buyers = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> buyer("Buyer" + i, Locale.ENGLISH)).toList();
        for (ContactSummary b : buyers) {
            payment(deal(b), b, PaymentStatus.SUCCEEDED, "10.00");
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> runs = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
                await(start);
                return scheduler.runOnce();
            }, pool)).toList();
            start.countDown();
            int finished = runs.stream().mapToInt(CompletableFuture::join).sum();
            assertThat(finished).isEqualTo(6);
        } finally {
            pool.shutdown();
        }
        assertThat(stepStatuses(now.id())).hasSize(6).containsOnly("DONE");
        for (ContactSummary b : buyers) {
            assertThat(outboxCount(b.email())).as(b.email()).isEqualTo(1);
        }
    }

    @Test
    void a_node_dying_mid_step_loses_nothing_and_a_restarted_scheduler_sends_it_once() {
        WorkflowDetails workflow = activeWorkflow(new WorkflowDraft("Follow-up in an hour", Trigger.PAYMENT_SUCCEEDED,
                null, new Delay(Delay.Kind.AFTER_TRIGGER, 1, Delay.Unit.HOURS),
                List.of(WorkflowAction.email(WorkflowAction.Recipient.OWNER, null, WorkflowAction.EmailTemplate.CUSTOM,
                        "Paid: {{record}}", "{{customer.name}} paid {{amount}}."))));
        ContactSummary b = buyer("Crash", Locale.ENGLISH);
        payment(deal(b), b, PaymentStatus.SUCCEEDED, "10.00");
        long step = jdbc.sql("SELECT id FROM automation_step WHERE workflow = :w").param("w", workflow.id())
                .query(Long.class).single();
        clock.advance(Duration.ofHours(1));

        // The step ran and wrote its e-mail, then the node died before commit: the database rolls it all back.
        TransactionTemplate dying = new TransactionTemplate(transactions);
        dying.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        dying.executeWithoutResult(tx -> {
            assertThat(context.getBean(StepExecutor.class).run(step, clock.instant())).contains(StepStatus.DONE);
            assertThat(outboxCount(owner)).isEqualTo(1);
            tx.setRollbackOnly();
        });
        assertThat(stepStatuses(workflow.id())).containsExactly("PENDING");
        assertThat(outboxCount(owner)).isZero();

        // A scheduler made afresh (the restarted node) finds the stored step and runs it; later runs add nothing.
        AutomationScheduler restarted = new AutomationScheduler(jdbc, context.getBean(StepExecutor.class),
                context.getBean(com.commercehub.base.time.BusinessCalendar.class),
                context.getBean(PlatformTransactionManager.class), Duration.ofMinutes(1));
        restarted.runOnce();
        restarted.runOnce();
        scheduler.runOnce();
        assertThat(stepStatuses(workflow.id())).containsExactly("DONE");
        assertThat(outboxCount(owner)).isEqualTo(1);
    }

    @Test
    void a_payment_refunded_before_the_survey_is_unenrolled_and_editing_never_resends() {
        WorkflowDetails survey = activeWorkflow(new WorkflowDraft("Survey in 2 days", Trigger.PAYMENT_SUCCEEDED, null,
                new Delay(Delay.Kind.AFTER_TRIGGER, 2, Delay.Unit.DAYS), List.of(WorkflowAction.email(
                WorkflowAction.Recipient.BUYER, null, WorkflowAction.EmailTemplate.SURVEY, null, null))));
        ContactSummary kept = buyer("Kept", Locale.ENGLISH);
        ContactSummary refunded = buyer("Refunded", Locale.ENGLISH);
        payment(deal(kept), kept, PaymentStatus.SUCCEEDED, "50.00");
        DealDetails refundedDeal = deal(refunded);
        payment(refundedDeal, refunded, PaymentStatus.SUCCEEDED, "50.00");
        long refundedPayment = jdbc.sql("SELECT id FROM payment WHERE deal = :d").param("d", refundedDeal.id())
                .query(Long.class).single();
        String charge = jdbc.sql("SELECT charge_id FROM payment WHERE id = :id").param("id", refundedPayment)
                .query(String.class).single();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> payments.refunds(ACCOUNT, charge, List.of(
                new com.commercehub.payment.RefundFacts("re_" + refundedPayment, new com.commercehub.base.money.Money(
                        new java.math.BigDecimal("50.00"), java.util.Currency.getInstance("EUR")), "succeeded",
                        clock.instant()))));
        assertThat(stepStatuses(survey.id())).containsExactlyInAnyOrder("PENDING", "UNENROLLED");

        clock.advance(Duration.ofDays(2));
        scheduler.runOnce();
        assertThat(outboxCount(kept.email())).isEqualTo(1);
        assertThat(outboxCount(refunded.email())).isZero();

        WorkflowDetails current = AsAdmin.call(() -> workflows.get(survey.id())).orElseThrow();
        AsAdmin.call(() -> workflows.update(current.id(), current.version(), new WorkflowDraft("Survey, reworded",
                current.trigger(), current.conditions(), new Delay(Delay.Kind.AFTER_TRIGGER, 1, Delay.Unit.DAYS),
                current.actions())));
        payment(deal(kept), kept, PaymentStatus.SUCCEEDED, "60.00"); // a new record still enrols
        clock.advance(Duration.ofDays(1));
        scheduler.runOnce();
        scheduler.runOnce();
        assertThat(outboxCount(kept.email())).isEqualTo(2); // the new payment's survey, not the first one again
        assertThat(outboxCount(refunded.email())).isZero();
    }

    @Test
    void switching_a_workflow_off_cancels_its_waiting_steps() {
        WorkflowDetails workflow = activeWorkflow(new WorkflowDraft("Later", Trigger.PAYMENT_FAILED, null,
                new Delay(Delay.Kind.AFTER_TRIGGER, 10, Delay.Unit.MINUTES),
                List.of(WorkflowAction.notifyOwner("Payment {{record}} failed"))));
        ContactSummary b = buyer("Failing", Locale.ENGLISH);
        payment(deal(b), b, PaymentStatus.FAILED, "10.00");
        WorkflowDetails off = AsAdmin.call(() -> workflows.setActive(workflow.id(), workflow.version(), false, false));
        assertThat(off.active()).isFalse();
        clock.advance(Duration.ofHours(1));
        scheduler.runOnce();
        assertThat(stepStatuses(workflow.id())).containsExactly("CANCELED");
    }

    @Test
    void a_subscription_past_due_for_an_hour_closes_the_deal_lost_unless_it_was_paid_meanwhile() {
        WorkflowDetails workflow = activeWorkflow(new WorkflowDraft("Lost after dunning", Trigger.SUBSCRIPTION_PAST_DUE,
                null, new Delay(Delay.Kind.AFTER_TRIGGER, 1, Delay.Unit.HOURS),
                List.of(WorkflowAction.dealStage(com.commercehub.crm.DealStage.CLOSED_LOST))));
        ContactSummary paysLate = buyer("Late", Locale.ENGLISH);
        ContactSummary never = buyer("Never", Locale.ENGLISH);
        DealDetails lateDeal = deal(paysLate);
        DealDetails lostDeal = deal(never);
        subscription("sub_late_" + lateDeal.id(), lateDeal, paysLate, "past_due");
        subscription("sub_lost_" + lostDeal.id(), lostDeal, never, "past_due");
        assertThat(stepStatuses(workflow.id())).containsExactly("PENDING", "PENDING");
        subscription("sub_late_" + lateDeal.id(), lateDeal, paysLate, "active");
        assertThat(stepStatuses(workflow.id())).containsExactly("UNENROLLED", "PENDING");

        clock.advance(Duration.ofHours(1));
        scheduler.runOnce();
        assertThat(stepStatuses(workflow.id())).containsExactly("UNENROLLED", "DONE");
        assertThat(stage(lostDeal.id())).isEqualTo("CLOSED_LOST");
        assertThat(stage(lateDeal.id())).isEqualTo("PROPOSAL");
    }

    private void subscription(String id, DealDetails deal, ContactSummary buyer, String status) {
        var facts = new com.commercehub.payment.SubscriptionFacts(ACCOUNT, id, "cus_" + buyer.id(), null, null,
                deal.id(), buyer.id(), buyer.companyId(), status, new com.commercehub.base.money.Money(
                new java.math.BigDecimal("99.00"), java.util.Currency.getInstance("EUR")), "month", 1, clock.instant(),
                clock.instant().plus(Duration.ofDays(30)), false, List.of());
        new TransactionTemplate(transactions).executeWithoutResult(tx -> payments.subscription(facts));
    }

    private String stage(long dealId) {
        return jdbc.sql("SELECT stage FROM deal WHERE id = :id").param("id", dealId).query(String.class).single();
    }

    private MimeMessage received(String recipient) throws Exception {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("nothing received for " + recipient));
    }

    /** The HTML part's text, decoded. */
    static String content(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/html")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            StringBuilder found = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                found.append(content(multipart.getBodyPart(i)));
            }
            return found.toString();
        }
        return "";
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unused")
    private static Instant at(String text) {
        return Instant.parse(text);
    }
}
