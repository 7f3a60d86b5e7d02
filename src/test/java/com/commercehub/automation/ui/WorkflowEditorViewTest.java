package com.commercehub.automation.ui;

import com.commercehub.automation.Delay;
import com.commercehub.automation.DryRunEntry;
import com.commercehub.automation.Trigger;
import com.commercehub.automation.WorkflowAction;
import com.commercehub.automation.WorkflowDetails;
import com.commercehub.automation.WorkflowService;
import com.commercehub.automation.WorkflowTemplate;
import com.commercehub.base.money.Money;
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
import com.commercehub.payment.PaymentFacts;
import com.commercehub.payment.PaymentRecords;
import com.commercehub.payment.PaymentStatus;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.KaribuTest;
import com.commercehub.testsupport.Press;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The workflow editor and its dry run as an admin uses them, and read-only for everyone else. */
class WorkflowEditorViewTest extends KaribuTest {

    @Autowired
    WorkflowService workflows;
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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private String owner;

    @BeforeEach
    void ownerOfItsOwn() {
        owner = "karibu-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        QuoteTestData.staff(users, owner, Role.SALES);
    }

    @AfterEach
    void deleteOwnWorkflows() {
        jdbc.sql("DELETE FROM workflow WHERE owner = :o OR name LIKE :n").param("o", owner)
                .param("n", "%" + owner + "%").update();
    }

    @Test
    void an_admin_builds_a_workflow_dry_runs_it_saves_and_switches_it_on_with_the_existing_records() {
        long paymentId = paidBy("Greta");
        login("ada@example.com", Role.ADMIN);
        navigate("automation/new");
        WorkflowEditorView view = _get(WorkflowEditorView.class);

        view.name.setValue("Survey for " + owner);
        view.trigger.setValue(Trigger.PAYMENT_SUCCEEDED);
        view.owner.setValue(owner);
        view.minAmount.setValue(new BigDecimal("100"));
        view.delayKind.setValue(Delay.Kind.AFTER_TRIGGER);
        view.delayAmount.setValue(30);
        view.delayUnit.setValue(Delay.Unit.DAYS);
        ActionEditor action = view.actionEditors.getFirst();
        action.template.setValue(WorkflowAction.EmailTemplate.SURVEY);
        assertThat(action.subject.isVisible()).isFalse();

        view.dryRun.click();
        assertThat(view.dryRunSummary.getText()).isEqualTo("One existing record would be enrolled:");
        assertThat(GridKt._size(view.dryRunGrid)).isEqualTo(1);
        DryRunEntry entry = GridKt._get(view.dryRunGrid, 0);
        assertThat(entry.recordId()).isEqualTo(paymentId);
        assertThat(entry.customer()).isEqualTo("Greta Tester");
        assertThat(GridKt._getFormattedRow(view.dryRunGrid, 0)).contains("Payment #" + paymentId, "Greta Tester");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM workflow WHERE owner = :o").param("o", owner)
                .query(Integer.class).single()).as("a dry run stores nothing").isZero();

        view.save.click();
        WorkflowEditorView saved = _get(WorkflowEditorView.class);
        long id = jdbc.sql("SELECT id FROM workflow WHERE owner = :o").param("o", owner).query(Long.class).single();
        WorkflowDetails stored = AsAdmin.call(() -> workflows.get(id)).orElseThrow();
        assertThat(stored.delay()).isEqualTo(new Delay(Delay.Kind.AFTER_TRIGGER, 30, Delay.Unit.DAYS));
        assertThat(stored.conditions().minAmount()).isEqualByComparingTo("100");
        assertThat(stored.actions()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(WorkflowAction.Kind.EMAIL);
            assertThat(a.template()).isEqualTo(WorkflowAction.EmailTemplate.SURVEY);
            assertThat(a.stepKey()).isNotBlank();
        });
        assertThat(saved.state.getText()).isEqualTo("Off");

        saved.enrolExisting.setValue(true);
        saved.activate.click();
        assertThat(saved.state.getText()).isEqualTo("On");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM automation_step WHERE workflow = :w AND record_id = :p")
                .param("w", id).param("p", paymentId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void bad_input_is_shown_next_to_the_field_and_nothing_is_saved() {
        login("ada@example.com", Role.ADMIN);
        navigate("automation/new");
        WorkflowEditorView view = _get(WorkflowEditorView.class);
        view.trigger.setValue(Trigger.PAYMENT_FAILED);
        view.delayKind.setValue(Delay.Kind.BEFORE_DATE);
        view.delayAmount.setValue(3);
        view.actionEditors.getFirst().recipient.setValue(WorkflowAction.Recipient.FIXED);
        view.actionEditors.getFirst().fixedAddress.setValue("not an address");
        long before = AsAdmin.call(() -> workflows.count());

        view.save.click();

        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).startsWith("Give the workflow a name");
        assertThat(view.delayAmount.isInvalid()).isTrue();
        assertThat(view.delayAmount.getErrorMessage()).isEqualTo("This trigger has no date to count from.");
        assertThat(view.actionsError.getText()).isEqualTo("Enter one valid e-mail address.");
        assertThat(AsAdmin.call(() -> workflows.count())).isEqualTo(before);
    }

    @Test
    void the_language_select_edits_a_text_per_language_and_saving_keeps_each() {
        WorkflowEditorView view = newPaymentWorkflow("Thanks for " + owner);
        ActionEditor action = view.actionEditors.getFirst();
        assertThat(action.textLanguage.isVisible()).isTrue();
        assertThat(action.textLanguage.getListDataView().getItems().map(action.textLanguage.getItemLabelGenerator()))
                .containsExactly("Default (all languages)", "Deutsch", "Dansk", "Svenska", "Polski", "Italiano",
                        "English");

        action.textLanguage.setValue(Locale.GERMAN);
        assertThat(action.subject.getValue()).isEmpty();
        assertThat(action.subject.getPlaceholder()).isEqualTo("Thanks {{customer.name}}");
        action.subject.setValue("Danke {{customer.name}}");
        action.body.setValue("Wir haben {{amount}} erhalten.");
        action.textLanguage.setValue(Locale.ROOT);
        assertThat(action.subject.getValue()).isEqualTo("Thanks {{customer.name}}");
        assertThat(action.body.getValue()).isEqualTo("We got {{amount}}.");
        action.textLanguage.setValue(Locale.of("sv"));
        assertThat(action.body.getValue()).isEmpty();
        action.textLanguage.setValue(Locale.GERMAN);
        assertThat(action.body.getValue()).isEqualTo("Wir haben {{amount}} erhalten.");

        view.save.click();
        long id = jdbc.sql("SELECT id FROM workflow WHERE owner = :o").param("o", owner).query(Long.class).single();
        WorkflowAction stored = AsAdmin.call(() -> workflows.get(id)).orElseThrow().actions().getFirst();
        assertThat(stored.subject()).isEqualTo("Thanks {{customer.name}}");
        assertThat(stored.body()).isEqualTo("We got {{amount}}.");
        assertThat(stored.translations()).containsExactly(Map.entry(Locale.GERMAN,
                new WorkflowAction.EmailText("Danke {{customer.name}}", "Wir haben {{amount}} erhalten.")));

        navigate("");
        navigate("automation/" + id);
        ActionEditor reopened = _get(WorkflowEditorView.class).actionEditors.getFirst();
        assertThat(reopened.textLanguage.getValue()).isEqualTo(Locale.ROOT);
        assertThat(reopened.subject.getValue()).isEqualTo("Thanks {{customer.name}}");
        reopened.textLanguage.setValue(Locale.GERMAN);
        assertThat(reopened.subject.getValue()).isEqualTo("Danke {{customer.name}}");
    }

    @Test
    void half_a_translation_is_shown_next_to_its_field_in_its_language_and_nothing_is_saved() {
        WorkflowEditorView view = newPaymentWorkflow("Half Polish for " + owner);
        ActionEditor action = view.actionEditors.getFirst();
        action.textLanguage.setValue(Locale.of("pl"));
        action.subject.setValue("Dziękujemy, {{customer.name}}");
        action.textLanguage.setValue(Locale.ROOT);
        long before = AsAdmin.call(() -> workflows.count());

        view.save.click();

        assertThat(action.textLanguage.getValue()).isEqualTo(Locale.of("pl"));
        assertThat(action.subject.getValue()).isEqualTo("Dziękujemy, {{customer.name}}");
        assertThat(action.body.isInvalid()).isTrue();
        assertThat(action.body.getErrorMessage()).isEqualTo(
                "Give this language both a subject and a text, or leave both empty to send the default text.");
        assertThat(view.actionsError.isVisible()).isFalse();
        assertThat(AsAdmin.call(() -> workflows.count())).isEqualTo(before);

        action.body.setValue("Otrzymaliśmy {{amount}}.");
        view.save.click();
        assertThat(action.body.isInvalid()).isFalse();
        assertThat(AsAdmin.call(() -> workflows.count())).isEqualTo(before + 1);
    }

    @Test
    void a_template_opens_ready_in_the_editor_and_others_than_admins_only_look() {
        login("ada@example.com", Role.ADMIN);
        navigate("automation");
        WorkflowsView list = _get(WorkflowsView.class);
        list.template.setValue(WorkflowTemplate.REMIND_OWNER_BEFORE_EXPIRY);
        WorkflowEditorView editor = _get(WorkflowEditorView.class);
        assertThat(editor.name.getValue()).isEqualTo("Remind the owner 3 days before a quote expires");
        assertThat(editor.trigger.getValue()).isEqualTo(Trigger.QUOTE_EXPIRING);
        assertThat(editor.delayKind.getValue()).isEqualTo(Delay.Kind.BEFORE_DATE);
        assertThat(editor.delayAmount.getValue()).isEqualTo(3);
        assertThat(editor.actionEditors).extracting(a -> a.kind.getValue())
                .containsExactly(WorkflowAction.Kind.EMAIL, WorkflowAction.Kind.NOTIFY_OWNER);
        String path = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        long id = Long.parseLong(path.substring("automation/".length()));
        // Tagged for the clean-up: a template's name is the same for everyone.
        jdbc.sql("UPDATE workflow SET owner = :o WHERE id = :id").param("o", owner).param("id", id).update();

        logout();
        login("sam@example.com", Role.SALES);
        navigate(""); // a new sign-in gets a new view (the same UI would keep the admin's instance of the route)
        navigate("automation/" + id);
        WorkflowEditorView readOnly = _get(WorkflowEditorView.class);
        assertThat(readOnly.name.isReadOnly()).isTrue();
        assertThat(readOnly.save.isVisible() && readOnly.save.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(readOnly.actionEditors.getFirst().kind.isReadOnly()).isTrue();
        navigate("automation");
        assertThat(_get(WorkflowsView.class).create.getParent().orElseThrow().isVisible()).isFalse();
    }

    @Test
    void the_bell_shows_the_unread_count_and_lists_the_notifications() {
        jdbc.sql("""
                        INSERT INTO automation_notification (user_email, title, body, created_at)
                        VALUES (:u, :t, 'Expiry reminder · Q-9', :now)""")
                .param("u", owner).param("t", "Quote <Q-9> expires soon").param("now", java.sql.Timestamp.from(Instant.now()))
                .update();
        login(owner, Role.SALES);
        navigate("automation");
        NotificationBell bell = _get(NotificationBell.class);
        assertThat(bell.badge.getText()).isEqualTo("1");
        assertThat(bell.badge.isVisible()).isTrue();

        Press.press(bell.button);
        assertThat(bell.dialog.isOpened()).isTrue();
        assertThat(bell.list.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .contains("Quote <Q-9> expires soon");
        assertThat(bell.badge.isVisible()).isFalse();
    }

    /** A new workflow in the editor, this test's owner's, with a default custom text typed in its e-mail step. */
    private WorkflowEditorView newPaymentWorkflow(String name) {
        login("ada@example.com", Role.ADMIN);
        navigate("automation/new");
        WorkflowEditorView view = _get(WorkflowEditorView.class);
        view.name.setValue(name);
        view.trigger.setValue(Trigger.PAYMENT_SUCCEEDED);
        view.owner.setValue(owner);
        view.actionEditors.getFirst().subject.setValue("Thanks {{customer.name}}");
        view.actionEditors.getFirst().body.setValue("We got {{amount}}.");
        return view;
    }

    private long paidBy(String firstName) {
        return AsAdmin.call(() -> {
            long company = companies.create(new CompanyDraft("Co " + UUID.randomUUID(), null, null, "DE")).id();
            ContactSummary buyer = contacts.create(new ContactDraft(firstName, "Tester",
                    "k-" + UUID.randomUUID().toString().substring(0, 8) + "@buyer.example", company, Locale.ENGLISH));
            DealDetails deal = deals.create(new DealDraft("Deal " + UUID.randomUUID(), owner, DealStage.PROPOSAL,
                    Currency.getInstance("EUR"), company, Set.of(buyer.id()), null));
            PaymentFacts facts = new PaymentFacts("acct_karibu", "pi_" + UUID.randomUUID(), null, null, deal.id(),
                    buyer.id(), company, null, null, null, null, "ch_" + UUID.randomUUID(), "card",
                    PaymentStatus.SUCCEEDED, new Money(new BigDecimal("250.00"), Currency.getInstance("EUR")), null,
                    null, null, Instant.now());
            return new TransactionTemplate(transactions).execute(tx -> payments.record(facts).id());
        });
    }

    @SuppressWarnings("unused")
    private static List<String> none() {
        return List.of();
    }
}
