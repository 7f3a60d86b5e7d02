package com.commercehub.automation;

import com.commercehub.crm.ContactSummary;
import com.commercehub.mail.MailTestAccess;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.testsupport.AsAdmin;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A custom e-mail step's texts per language: stored with the step, chosen by the recipient's language. */
class WorkflowTranslationsIT extends AutomationTestSupport {

    private static final WorkflowAction.EmailText GERMAN = new WorkflowAction.EmailText(
            "Danke, {{customer.name}}", "Hallo {{customer.name}},\n\nwir haben {{amount}} erhalten.");

    @Test
    void a_german_buyer_gets_the_german_text_and_a_polish_buyer_without_one_gets_the_default() throws Exception {
        activeWorkflow(new WorkflowDraft("Thanks in their language", Trigger.PAYMENT_SUCCEEDED, null, Delay.NONE,
                List.of(thanks().withTranslations(Map.of(Locale.GERMAN, GERMAN)))));
        ContactSummary erika = buyer("Erika <b>&", Locale.GERMAN);
        ContactSummary piotr = buyer("Piotr", Locale.of("pl"));
        payment(deal(erika), erika, PaymentStatus.SUCCEEDED, "1200.00");
        payment(deal(piotr), piotr, PaymentStatus.SUCCEEDED, "99.50");

        scheduler.runOnce();
        while (MailTestAccess.sendDue(context) > 0) {
            // deliver everything due, other tests' leftovers included
        }

        MimeMessage german = received(erika.email());
        assertThat(german.getSubject()).isEqualTo("Danke, Erika <b>& Tester");
        String germanBody = WorkflowSchedulerIT.content(german);
        assertThat(germanBody).contains("Hallo Erika &lt;b&gt;&amp; Tester,", "wir haben 1.200,00");
        assertThat(germanBody).doesNotContain("<b>&", "We got");
        MimeMessage polish = received(piotr.email());
        assertThat(polish.getSubject()).isEqualTo("Thanks, Piotr Tester");
        assertThat(WorkflowSchedulerIT.content(polish)).contains("We got").doesNotContain("wir haben");
    }

    @Test
    void the_owner_gets_the_text_of_the_language_they_chose_and_a_fixed_address_the_business_default() {
        jdbc.sql("UPDATE app_user SET preferred_locale = 'de' WHERE email = :e").param("e", owner).update();
        WorkflowAction toOwner = WorkflowAction.email(WorkflowAction.Recipient.OWNER, null,
                WorkflowAction.EmailTemplate.CUSTOM, "Paid: {{record}}", "{{customer.name}} paid {{amount}}.");
        WorkflowAction toBooks = WorkflowAction.email(WorkflowAction.Recipient.FIXED, "books-" + owner,
                WorkflowAction.EmailTemplate.CUSTOM, "Paid: {{record}}", "{{customer.name}} paid {{amount}}.");
        WorkflowAction.EmailText bezahlt = new WorkflowAction.EmailText("Bezahlt: {{record}}",
                "{{customer.name}} hat {{amount}} bezahlt.");
        activeWorkflow(new WorkflowDraft("Tell the owner", Trigger.PAYMENT_SUCCEEDED, null, Delay.NONE, List.of(
                toOwner.withTranslations(Map.of(Locale.GERMAN, bezahlt)),
                toBooks.withTranslations(Map.of(Locale.GERMAN, bezahlt)))));
        ContactSummary ada = buyer("Ada", Locale.ENGLISH);
        long payment = payment(deal(ada), ada, PaymentStatus.SUCCEEDED, "10.00");

        scheduler.runOnce();
        scheduler.runOnce();

        assertThat(subjects(owner)).singleElement().asString().startsWith("Bezahlt: ").contains(String.valueOf(payment));
        // The shared database's branding may have been changed by another class: expect whatever it says.
        String business = context.getBean(com.commercehub.branding.BrandingService.class).current().defaultLanguage();
        assertThat(subjects("books-" + owner)).singleElement().asString()
                .startsWith(Locale.forLanguageTag(business).getLanguage().equals("de") ? "Bezahlt: " : "Paid: ");
    }

    @Test
    void a_saved_translation_survives_reload_and_editing_it_never_resends() {
        WorkflowDetails workflow = activeWorkflow(new WorkflowDraft("Thanks, edited later", Trigger.PAYMENT_SUCCEEDED,
                null, Delay.NONE, List.of(thanks().withTranslations(Map.of(Locale.GERMAN, GERMAN)))));
        WorkflowDetails reloaded = AsAdmin.call(() -> workflows.get(workflow.id())).orElseThrow();
        assertThat(reloaded.actions()).singleElement().satisfies(a -> {
            assertThat(a.translations()).containsExactly(Map.entry(Locale.GERMAN, GERMAN));
            assertThat(a.subject()).isEqualTo("Thanks, {{customer.name}}");
        });
        assertThat(AsAdmin.call(() -> workflows.dryRun(reloaded.draft()))).isEmpty(); // no records yet; still fine

        ContactSummary erika = buyer("Erika", Locale.GERMAN);
        payment(deal(erika), erika, PaymentStatus.SUCCEEDED, "50.00");
        scheduler.runOnce();
        assertThat(subjects(erika.email())).containsExactly("Danke, Erika Tester");

        WorkflowAction.EmailText reworded = new WorkflowAction.EmailText("Vielen Dank, {{customer.name}}!",
                "Ihre Zahlung über {{amount}} ist da.");
        WorkflowAction step = reloaded.actions().getFirst();
        WorkflowDetails edited = AsAdmin.call(() -> workflows.update(reloaded.id(), reloaded.version(),
                new WorkflowDraft(reloaded.name(), reloaded.trigger(), reloaded.conditions(), reloaded.delay(),
                        List.of(step.withTranslations(Map.of(Locale.GERMAN, reworded,
                                Locale.ITALIAN, new WorkflowAction.EmailText("Grazie", "Pagamento ricevuto.")))))));
        WorkflowDetails again = AsAdmin.call(() -> workflows.get(edited.id())).orElseThrow();
        assertThat(again.actions()).singleElement().satisfies(a -> {
            assertThat(a.stepKey()).isEqualTo(step.stepKey());
            assertThat(a.translations()).containsOnly(Map.entry(Locale.GERMAN, reworded),
                    Map.entry(Locale.ITALIAN, new WorkflowAction.EmailText("Grazie", "Pagamento ricevuto.")));
        });
        scheduler.runOnce();
        assertThat(subjects(erika.email())).as("the edit sends nothing again").containsExactly("Danke, Erika Tester");

        payment(deal(erika), erika, PaymentStatus.SUCCEEDED, "60.00");
        scheduler.runOnce();
        assertThat(subjects(erika.email())).containsExactly("Danke, Erika Tester", "Vielen Dank, Erika Tester!");
    }

    @Test
    void half_a_translation_is_refused_naming_its_field_and_nothing_changes() {
        WorkflowDetails workflow = activeWorkflow(new WorkflowDraft("Thanks, kept", Trigger.PAYMENT_SUCCEEDED, null,
                Delay.NONE, List.of(thanks().withTranslations(Map.of(Locale.GERMAN, GERMAN)))));
        WorkflowDetails stored = AsAdmin.call(() -> workflows.get(workflow.id())).orElseThrow();
        WorkflowAction halfPolish = stored.actions().getFirst().withTranslations(Map.of(Locale.GERMAN, GERMAN,
                Locale.of("pl"), new WorkflowAction.EmailText("Dziękujemy", null)));

        assertThatThrownBy(() -> AsAdmin.call(() -> workflows.update(stored.id(), stored.version(),
                new WorkflowDraft("Thanks, renamed", stored.trigger(), stored.conditions(), stored.delay(),
                        List.of(halfPolish)))))
                .isInstanceOfSatisfying(WorkflowValidationException.class, e -> assertThat(e.problems())
                        .containsExactly(Map.entry("action.0.pl.body", "automation.action.translation.incomplete")));
        WorkflowDetails unchanged = AsAdmin.call(() -> workflows.get(workflow.id())).orElseThrow();
        assertThat(unchanged.name()).isEqualTo("Thanks, kept");
        assertThat(unchanged.actions().getFirst().translations()).containsOnlyKeys(Locale.GERMAN);
    }

    private static WorkflowAction thanks() {
        return WorkflowAction.email(WorkflowAction.Recipient.BUYER, null, WorkflowAction.EmailTemplate.CUSTOM,
                "Thanks, {{customer.name}}", "Hello {{customer.name}},\n\nWe got {{amount}}.");
    }

    private List<String> subjects(String recipient) {
        return jdbc.sql("""
                        SELECT subject FROM email_outbox WHERE recipient = :r AND kind = 'automation.workflow'
                        ORDER BY id""").param("r", recipient).query(String.class).list();
    }

    private MimeMessage received(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(recipient);
            } catch (MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow(() -> new AssertionError("nothing received for " + recipient));
    }
}
