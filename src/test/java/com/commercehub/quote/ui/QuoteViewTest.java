package com.commercehub.quote.ui;

import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.commercehub.crm.ui.DealView;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductFilter;
import com.commercehub.product.ProductService;
import com.commercehub.product.ProductTestData;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.quote.QuoteTestData;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.testsupport.AsAdmin;
import com.commercehub.testsupport.DateInput;
import com.commercehub.testsupport.KaribuTest;
import com.commercehub.testsupport.Press;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.vaadin.flow.component.html.UnorderedList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import com.vaadin.flow.component.UI;
import com.commercehub.crm.LineItemDetails;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The quote builder, the quotes list and the deal page's quotes, with the sandbox as the connected account. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QuoteViewTest extends KaribuTest {

    @Autowired
    QuoteService quotes;
    @Autowired
    DealService deals;
    @Autowired
    CompanyService companies;
    @Autowired
    ContactService contacts;
    @Autowired
    ProductService products;
    @Autowired
    UserService users;
    @Autowired
    StripeConnectionService stripe;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    com.commercehub.quote.QuoteLifecycle lifecycle;

    private DealDetails deal;
    private QuoteDetails quote;

    @BeforeEach
    void quoteFromADeal() {
        QuoteTestData.clear(jdbc);
        QuoteTestData.staff(users, "sam@example.com", Role.SALES);
        AsAdmin.call(stripe::useSandbox);
        login("sam@example.com", Role.SALES);
        ContactSummary buyer = QuoteTestData.buyer(companies, contacts, Locale.ENGLISH);
        deal = QuoteTestData.dealWithLines(deals, buyer);
        products.create(ProductTestData.oneTime("Training day", "TR-1", "500.00", "EUR"));
        quote = quotes.createFromDeal(deal.id());
    }

    private QuoteView open() {
        navigate("quotes/" + quote.id());
        return _get(QuoteView.class);
    }

    /** Publish opens the review step; confirming it publishes. */
    private static void publishReviewed(QuoteView view) {
        Press.press(view.publish);
        ButtonKt._click(view.review.confirm);
    }

    private List<String> sentEmails() {
        return jdbc.sql("""
                        SELECT CONCAT(recipient, ' ', recipient_locale, ' ', subject, ' ',
                               (SELECT COUNT(*) FROM email_attachment a WHERE a.email_id = o.id))
                        FROM email_outbox o WHERE kind = 'quote.sent' AND dedupe_key LIKE :key ORDER BY id""")
                .param("key", "quote.sent:" + quote.id() + ":%").query(String.class).list();
    }

    @Test
    void publish_shows_the_review_step_and_publishes_only_when_confirmed() {
        QuoteView view = open();
        Press.press(view.publish);
        PublishReview review = view.review;
        assertThat(review.isOpened()).isTrue();
        assertThat(review.recipient.getText()).isEqualTo("To: Erika Mustermann <erika@acme.example>");
        assertThat(review.expiry.getText()).startsWith("Expires on ");
        assertThat(review.language.getText()).isEqualTo("Language: English");
        assertThat(review.signature.getText()).isEqualTo("No signature asked for");
        assertThat(review.payment.getText()).isEqualTo("Payment is not collected online");
        assertThat(review.preview.getSrc()).startsWith("/staff/quotes/" + quote.id() + "/draft/preview");
        assertThat(review.preview.isVisible()).isTrue();
        assertThat(review.afterPublishing.isVisible()).isFalse();

        ButtonKt._click(review.cancel);
        assertThat(review.isOpened()).isFalse();
        assertThat(quotes.get(quote.id()).status()).isEqualTo(QuoteStatus.DRAFT);

        Press.press(view.publish);
        ButtonKt._click(view.review.confirm);
        assertThat(quotes.get(quote.id()).status()).isEqualTo(QuoteStatus.PUBLISHED);
        assertThat(view.review.published.getText()).startsWith("The buyer link is live: ").contains("/quote/");
        assertThat(view.review.afterPublishing.isVisible()).isTrue();
        assertThat(view.review.copyLink.isVisible()).isTrue();
        assertThat(view.review.preview.isVisible()).as("the next step, not the reviewed preview, fills the dialog").isFalse();
        // The dialog is the confirmation; a notification at the bottom would cover its Send by email and Copy link.
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications();
    }

    @Test
    void the_review_names_the_signature_and_payment_the_buyer_is_asked_for() {
        quotes.setSignature(quote.id(), quote.version(), true, "sam@example.com");
        QuoteDetails current = quotes.get(quote.id());
        quotes.setCollectPayment(current.id(), current.version(), true);
        QuoteView view = open();
        Press.press(view.publish);
        assertThat(view.review.signature.getText()).isEqualTo("The buyer signs, then sam countersigns");
        assertThat(view.review.payment.getText()).startsWith("Payment collected online: €");
    }

    @Test
    void the_published_quote_is_sent_to_the_buyer_once_in_the_quotes_language_with_its_pdf() {
        QuoteDetails german = quotes.updateHeader(quote.id(), quote.version(), new com.commercehub.quote.QuoteHeaderDraft(
                quote.title(), quote.expiresOn(), Locale.GERMAN, quote.contactId(), quote.owner(), null, null));
        assertThat(german.locale()).isEqualTo(Locale.GERMAN);
        QuoteView view = open();
        publishReviewed(view);
        ButtonKt._click(view.review.sendEmail);
        // A second click (the button re-enabled, or a double click) stores no second e-mail.
        view.review.sendEmail.setEnabled(true);
        ButtonKt._click(view.review.sendEmail);
        assertThat(sentEmails()).containsExactly("erika@acme.example de Angebot Q-1001: Acme rollout 1");
        String text = jdbc.sql("SELECT text_body FROM email_outbox WHERE kind = 'quote.sent' AND dedupe_key LIKE :key")
                .param("key", "quote.sent:" + quote.id() + ":%").query(String.class).single();
        assertThat(text).contains("hat Ihnen das Angebot „Acme rollout“ gesendet")
                .contains(quotes.buyerLink(quote.id()).orElseThrow());
    }

    @Test
    void the_link_is_sent_without_the_pdf_when_it_is_unticked() {
        QuoteView view = open();
        publishReviewed(view);
        view.review.attachPdf.setValue(false);
        ButtonKt._click(view.review.sendEmail);
        assertThat(sentEmails()).containsExactly("erika@acme.example en Quote Q-1001: Acme rollout 0");
    }

    @Test
    void an_autosaved_change_says_it_was_saved() {
        QuoteView view = open();
        assertThat(view.saved.getText()).isEmpty();
        HasValueUtilsKt._setValue(view.title, "Acme rollout, phase 1");
        assertThat(view.saved.getText()).isEqualTo("All changes saved");
    }

    private static List<String> texts(UnorderedList list) {
        return list.getChildren().map(item -> item.getElement().getText()).toList();
    }

    @Test
    void adding_a_library_product_and_changing_a_quantity_updates_the_totals() {
        QuoteView view = open();
        assertThat(view.heading.getText()).isEqualTo("Q-1001 · Acme rollout");
        assertThat(view.status.getText()).isEqualTo("Draft");
        assertThat(view.firstPayment.getText()).isEqualTo("Due at checkout: €2,973.81");

        view.picker.product.setValue(products.page(new ProductFilter("Training", null, "EUR", ProductFilter.Status.ACTIVE),
                PageRequest.of(0, 5)).getFirst());
        view.picker.quantity.setValue(new BigDecimal("2"));
        Press.press(view.picker.addProduct);

        assertThat(GridKt._size(view.lines)).isEqualTo(3);
        assertThat(GridKt._get(view.lines, 2).name()).isEqualTo("Training day");
        assertThat(view.firstPayment.getText()).isEqualTo("Due at checkout: €3,973.81");

        // The workshop's quantity goes from 2 to 3: + 1,200 + 19 % tax.
        assertThat(quantityCell(view, 0, "quantity")).isEqualTo("2");
        view.lines.typedQuantity(GridKt._get(view.lines, 0), "3");

        assertThat(view.firstPayment.getText()).isEqualTo("Due at checkout: €5,401.81");
        assertThat(quotes.get(quote.id()).totals().firstPayment()).isEqualTo(Money.of("5401.81", "EUR"));
        assertThat(deals.get(deal.id()).lines().getFirst().quantity()).isEqualByComparingTo("2");
    }

    /** What the quantity column's browser-side field is given for a row: {@code property} of its renderer. */
    private static Object quantityCell(QuoteView view, int row, String property) {
        var renderer = (com.vaadin.flow.data.renderer.LitRenderer<LineItemDetails>) view.lines.getColumnByKey("quantity")
                .getRenderer();
        return renderer.getValueProviders().get(property).apply(GridKt._get(view.lines, row));
    }

    @Test
    void a_refused_quantity_stays_in_its_field_with_the_problem_under_it_and_a_german_comma_is_read() {
        UI.getCurrent().setLocale(Locale.GERMAN);
        QuoteView view = open();
        assertThat(quantityCell(view, 0, "label")).isEqualTo("Menge · " + GridKt._get(view.lines, 0).name());
        assertThat(quantityCell(view, 0, "separator")).isEqualTo(",");

        view.lines.typedQuantity(GridKt._get(view.lines, 0), "0");
        assertThat(quantityCell(view, 0, "invalid")).isEqualTo(true);
        assertThat(quantityCell(view, 0, "quantity")).as("what was typed stays").isEqualTo("0");
        assertThat((String) quantityCell(view, 0, "error")).isNotBlank();
        assertThat(quantityCell(view, 1, "invalid")).as("only that line").isEqualTo(false);
        assertThat(quotes.get(quote.id()).lines().getFirst().quantity()).isEqualByComparingTo("2");

        view.lines.typedQuantity(GridKt._get(view.lines, 0), "2,5");
        assertThat(quotes.get(quote.id()).lines().getFirst().quantity()).isEqualByComparingTo("2.5");
        assertThat(quantityCell(view, 0, "invalid")).isEqualTo(false);
        assertThat(quantityCell(view, 0, "quantity")).isEqualTo("2,5");
        assertThat(view.saved.getText()).isNotBlank();
    }

    @Test
    void without_a_connected_account_the_builder_links_admins_to_payments_settings_and_tells_reps_whom_to_ask() {
        AsAdmin.call(stripe::disconnect);
        try {
            QuoteView rep = open();
            assertThat(rep.paymentUnavailable.isVisible()).isTrue();
            assertThat(rep.paymentUnavailable.getChildren().filter(c -> c instanceof com.vaadin.flow.component.html.Anchor))
                    .as("a rep cannot open the settings page").isEmpty();
            assertThat(rep.paymentUnavailable.getElement().getTextRecursively()).contains("Ask an admin");

            login("admin-" + quote.id() + "@example.com", Role.ADMIN);
            navigate("quotes"); // the same location again would keep the rep's view
            QuoteView admin = open();
            var link = _get(admin.paymentUnavailable, com.vaadin.flow.component.html.Anchor.class);
            assertThat(link.getHref()).as("a link to the page, not a menu path").isEqualTo("settings/payments");
        } finally {
            AsAdmin.call(stripe::useSandbox);
        }
    }

    @Test
    void turning_payment_on_lists_every_problem_and_blocks_publishing() {
        quote = quotes.addLine(quote.id(), quote.version(), QuoteTestData.line("Support", "49.00",
                BillingFrequency.YEARLY, 12));
        QuoteView view = open();
        assertThat(view.paymentViolations.isVisible()).isFalse();
        assertThat(view.paymentUnavailable.isVisible()).isFalse();

        HasValueUtilsKt._setValue(view.collectPayment, true);

        assertThat(texts(view.paymentViolations)).containsExactlyInAnyOrder(
                "“Support” is recurring with a term; Stripe checkout does not support a term. Remove the term.",
                "Line 3 “Support” bills yearly; the others monthly. One checkout bills at one frequency: change this line"
                        + " or put it on a quote of its own.");
        assertThat(texts(view.paymentWarnings)).singleElement().asString().startsWith("Renewals are charged without");

        publishReviewed(view);
        assertThat(texts(view.publishProblems)).hasSize(2);
        assertThat(quotes.get(quote.id()).status()).isEqualTo(QuoteStatus.DRAFT);

        HasValueUtilsKt._setValue(view.collectPayment, false);
        assertThat(view.paymentViolations.isVisible()).isFalse();
        assertThat(quotes.get(quote.id()).collectPayment()).isFalse();
    }

    @Test
    void a_published_quote_is_read_only_until_recalled() {
        QuoteView view = open();
        publishReviewed(view);

        assertThat(view.status.getText()).isEqualTo("Published, version 1");
        assertThat(view.title.isReadOnly()).isTrue();
        assertThat(view.picker.addProduct.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(quantityCell(view, 0, "editable")).as("no quantity field, the number as text").isEqualTo(false);
        assertThat(quantityCell(view, 0, "text")).isEqualTo("2");
        view.lines.typedQuantity(GridKt._get(view.lines, 0), "5");
        assertThat(quotes.get(quote.id()).lines().getFirst().quantity()).isEqualByComparingTo("2");
        assertThat(view.copyLink.isVisible()).isTrue();
        assertThat(quotes.buyerLink(quote.id())).isPresent();

        Press.press(view.recall);
        assertThat(view.status.getText()).isEqualTo("Recalled, version 1");
        assertThat(view.title.isReadOnly()).isFalse();
        assertThat(quotes.buyerLink(quote.id())).isEmpty();

        HasValueUtilsKt._setValue(view.title, "Acme rollout, revised");
        assertThat(quotes.get(quote.id()).title()).isEqualTo("Acme rollout, revised");
        publishReviewed(view);
        assertThat(view.status.getText()).isEqualTo("Published, version 2");
    }

    @Test
    void a_bad_expiry_date_is_refused_next_to_the_field() {
        QuoteView view = open();
        HasValueUtilsKt._setValue(view.expiresOn, java.time.LocalDate.now().minusDays(3));
        assertThat(view.expiresOn.isInvalid()).isTrue();
        assertThat(view.expiresOn.getErrorMessage()).isEqualTo("The expiration date must be today or later");
        assertThat(quotes.get(quote.id()).expiresOn()).isEqualTo(quote.expiresOn());
    }

    @Test
    void an_unreadable_expiry_date_is_reported_next_to_the_field_and_the_expiry_is_kept() {
        QuoteView view = open();
        for (String typed : List.of("31.02.", "tomorrow", "13/45/2026")) {
            DateInput.typeUnreadable(view.expiresOn, typed);
            assertThat(view.expiresOn.isInvalid()).isTrue();
            assertThat(view.expiresOn.getErrorMessage())
                    .isEqualTo("Enter a date like 12/31/" + java.time.Year.now(java.time.ZoneOffset.UTC));
            assertThat(view.saved.getText()).isEmpty();
            assertThat(quotes.get(quote.id()).expiresOn()).isEqualTo(quote.expiresOn());
        }

        // Saving another field meanwhile saves that field and leaves the unreadable text and its message in place.
        HasValueUtilsKt._setValue(view.title, "Renamed while the expiry is wrong");
        assertThat(quotes.get(quote.id()).title()).isEqualTo("Renamed while the expiry is wrong");
        assertThat(quotes.get(quote.id()).expiresOn()).isEqualTo(quote.expiresOn());
        assertThat(view.expiresOn.hasUnreadableInput()).isTrue();
        assertThat(view.expiresOn.isInvalid()).isTrue();
    }

    @Test
    void the_custom_item_and_the_product_dialog_offer_the_same_billing_words() {
        QuoteView view = open();
        Press.press(view.picker.addCustom);
        List<String> customItem = billingLabels();
        com.commercehub.crm.ui.LineDialog dialog = _get(com.commercehub.crm.ui.LineDialog.class);
        dialog.close();
        // Closed, it leaves the UI: a tab does not keep a dialog per line it ever added (staff journey benchmark).
        assertThat(dialog.isAttached()).isFalse();

        navigate("products");
        ButtonKt._click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("New product")));
        List<String> product = billingLabels();

        assertThat(customItem).containsExactly("One-time", "Weekly", "Monthly", "Quarterly", "Every 6 months",
                "Yearly", "Custom interval…");
        assertThat(product).isEqualTo(customItem);
    }

    @SuppressWarnings("unchecked")
    private static List<String> billingLabels() {
        // The open dialog's: the product list has a "Billing" filter of its own.
        com.vaadin.flow.component.select.Select<Object> billing = _get(
                _get(com.vaadin.flow.component.dialog.Dialog.class), com.vaadin.flow.component.select.Select.class,
                spec -> spec.withLabel("Billing"));
        return billing.getListDataView().getItems().map(billing.getItemLabelGenerator()).toList();
    }

    @Test
    void finance_reads_a_quote_but_cannot_change_it() {
        login("fin@example.com", Role.FINANCE);
        QuoteView view = open();
        assertThat(view.publish.isVisible()).isFalse();
        assertThat(view.title.isReadOnly()).isTrue();
        assertThat(view.collectPayment.isReadOnly()).isTrue();
    }

    @Test
    void the_deal_page_lists_its_quotes_and_refuses_a_quote_without_products() {
        navigate("deals/" + deal.id());
        QuotesOnDeal.Panel panel = _get(QuotesOnDeal.Panel.class);
        assertThat(GridKt._size(panel.grid)).isEqualTo(1);
        ButtonKt._click(panel.create);
        assertThat(_get(QuoteView.class).heading.getText()).isEqualTo("Q-1002 · Acme rollout");

        DealDetails empty = deals.create(new DealDraft("Empty deal", null, DealStage.QUALIFIED,
                Currency.getInstance("EUR"), null, Set.of(), null));
        navigate("deals/" + empty.id());
        _get(DealView.class);
        QuotesOnDeal.Panel emptyPanel = _get(QuotesOnDeal.Panel.class);
        ButtonKt._click(emptyPanel.create);
        assertThat(emptyPanel.problem.isVisible()).isTrue();
        assertThat(emptyPanel.problem.getText())
                .isEqualTo("Products must be added to the deal before a quote can be created.");
        assertThat(quotes.ofDeal(empty.id())).isEmpty();
    }

    @Test
    void the_quotes_list_filters_and_its_quick_actions_recall_and_duplicate() {
        quotes.publish(quote.id(), quote.version());
        QuoteDetails draft = quotes.createFromDeal(deal.id());
        navigate("quotes");
        QuotesView list = _get(QuotesView.class);
        assertThat(GridKt._size(list.grid)).isEqualTo(2);

        list.status.setValue(QuoteStatus.PUBLISHED);
        assertThat(GridKt._size(list.grid)).isEqualTo(1);
        assertThat(GridKt._get(list.grid, 0).number()).isEqualTo("Q-1001");
        list.status.clear();
        list.expiringWithin.setValue(40);
        assertThat(GridKt._size(list.grid)).isEqualTo(1);
        list.expiringWithin.clear();
        list.search.setValue("1002");
        assertThat(GridKt._get(list.grid, 0).id()).isEqualTo(draft.id());
        list.search.clear();

        // Newest first: row 1 is the published Q-1001.
        com.vaadin.flow.component.orderedlayout.HorizontalLayout actions =
                (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(list.grid, 1, "actions");
        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(2));
        assertThat(quotes.get(quote.id()).status()).isEqualTo(QuoteStatus.RECALLED);

        ButtonKt._click((com.vaadin.flow.component.button.Button) actions.getComponentAt(3));
        assertThat(_get(QuoteView.class).heading.getText()).isEqualTo("Q-1003 · Acme rollout");
    }

    @Test
    void a_new_quote_from_the_list_needs_a_deal_with_products() {
        DealDetails empty = deals.create(new DealDraft("Bare deal", null, DealStage.QUALIFIED,
                Currency.getInstance("EUR"), null, Set.of(), null));
        navigate("quotes");
        ButtonKt._click(_get(QuotesView.class).add);
        NewQuoteDialog dialog = _get(NewQuoteDialog.class);

        ButtonKt._click(dialog.create);
        assertThat(dialog.deal.getErrorMessage()).isEqualTo("Choose the deal the quote is for");

        dialog.deal.setValue(deals.page("Bare", null, PageRequest.of(0, 5)).getFirst());
        ButtonKt._click(dialog.create);
        assertThat(dialog.deal.isInvalid()).isTrue();
        assertThat(dialog.deal.getErrorMessage())
                .isEqualTo("Products must be added to the deal before a quote can be created.");
        assertThat(quotes.ofDeal(empty.id())).isEmpty();

        dialog.deal.setValue(deals.page("Acme", null, PageRequest.of(0, 5)).getFirst());
        ButtonKt._click(dialog.create);
        assertThat(_get(QuoteView.class).heading.getText()).isEqualTo("Q-1002 · Acme rollout");
    }

    @Test
    void a_recall_from_the_list_is_refused_when_the_quote_changed_after_the_list_showed_it() {
        var published = quotes.publish(quote.id(), quote.version());
        navigate("quotes");
        QuotesView list = _get(QuotesView.class);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(list.grid, 0, "actions");
        // Meanwhile the buyer opens the link: the quote moves on to Viewed.
        lifecycle.openByBuyer(published.linkPath().substring("/quote/".length()), true);

        var recall = (com.vaadin.flow.component.button.Button) actions.getComponentAt(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ButtonKt._click(recall))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThat(quotes.get(quote.id()).status()).isEqualTo(QuoteStatus.VIEWED);
    }

    @Test
    void the_countersigner_sees_the_buyers_signature_countersigns_and_the_timeline_shows_it() {
        QuoteDetails withSignature = quotes.setSignature(quote.id(), quote.version(), true, "sam@example.com");
        var published = quotes.publish(withSignature.id(), withSignature.version());
        String token = published.linkPath().substring("/quote/".length());
        lifecycle.openByBuyer(token, true);
        lifecycle.signByBuyer(token, new com.commercehub.quote.BuyerSignatureInput("Erika Mustermann",
                "erika@acme.example", true, null, true, "192.0.2.7", "Firefox"));

        QuoteView view = open();
        assertThat(view.activity.isVisible()).isTrue();
        assertThat(view.activity.signatures.getElement().getTextRecursively()).contains("Erika Mustermann");
        assertThat(view.activity.pdf.getHref()).endsWith("/staff/quotes/" + quote.id() + "/versions/1/pdf");
        assertThat(view.activity.countersign.isVisible()).isTrue();
        ButtonKt._click(view.activity.countersign);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(
                _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));

        QuoteView after = _get(QuoteView.class);
        assertThat(after.activity.countersign.isVisible()).isFalse();
        assertThat(after.activity.signatures.getElement().getTextRecursively()).contains("Countersigner");
        assertThat(after.activity.timeline.getElement().getTextRecursively())
                .contains("Countersigned", "Signed by the buyer", "Viewed by the buyer", "Published");
    }

    private static List<String> rows(com.vaadin.flow.component.html.Div totals) {
        return totals.getChildren().map(row -> row.getElement().getTextRecursively()).toList();
    }

    /** A property of a row's cell as the browser receives it (the line grid renders its cells in the browser). */
    private static Object cell(QuoteView view, int row, String column, String property) {
        var renderer = (com.vaadin.flow.data.renderer.LitRenderer<com.commercehub.crm.LineItemDetails>)
                view.lines.getColumnByKey(column).getRenderer();
        return renderer.getValueProviders().get(property).apply(GridKt._get(view.lines, row));
    }

    @Test
    void a_lines_discount_and_tax_read_under_its_unit_price_in_the_users_language() {
        QuoteView view = open();
        assertThat(cell(view, 0, "price", "price")).isEqualTo("€1,200.00");
        assertThat(cell(view, 0, "price", "discount")).isEqualTo("");
        assertThat(cell(view, 0, "price", "tax")).isEqualTo("Tax 19 %");
        view.show(quotes.addLine(quote.id(), quotes.get(quote.id()).version(), new com.commercehub.crm.LineItemDraft(
                null, "Setup", null, BigDecimal.ONE, new BigDecimal("500.00"), com.commercehub.crm.DiscountKind.PERCENT,
                new BigDecimal("12.5"), new BigDecimal("7"), false, null, null)));
        view.show(quotes.addLine(quote.id(), quotes.get(quote.id()).version(), new com.commercehub.crm.LineItemDraft(
                null, "Travel", null, BigDecimal.ONE, new BigDecimal("80.00"), null, null, null, false, null, null)));
        assertThat(GridKt._size(view.lines)).isEqualTo(4);
        assertThat(cell(view, 2, "price", "discount")).isEqualTo("−12.5 %");
        assertThat(cell(view, 2, "price", "tax")).isEqualTo("Tax 7 %");
        assertThat(cell(view, 3, "price", "discount") + "" + cell(view, 3, "price", "tax")).as("neither: the price alone")
                .isEmpty();

        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        view = open();
        assertThat(cell(view, 2, "price", "price")).isEqualTo("500,00\u00a0€");
        assertThat(cell(view, 2, "price", "discount")).isEqualTo("−12,5 %");
        assertThat(cell(view, 2, "price", "tax")).isEqualTo("Steuer 7 %");
    }

    @Test
    void totals_keep_one_time_and_recurring_money_apart_and_only_the_first_payment_sums_them() {
        QuoteView view = open();
        assertThat(rows(view.totals)).containsExactly("One-time total: €2,856.00", "Recurring: €117.81 / month",
                "Tax: €474.81");
        assertThat(rows(view.totals)).noneMatch(row -> row.startsWith("Subtotal"));
        assertThat(view.firstPayment.getText()).isEqualTo("Due at checkout: €2,973.81");
    }

    @Test
    void a_discount_on_the_first_payment_only_leaves_the_monthly_amount_whole() {
        QuoteView view = open();
        Press.press(view.newAdjustment);
        AdjustmentDialog dialog = _get(AdjustmentDialog.class);
        HasValueUtilsKt._setValue(dialog.label, "Welcome");
        HasValueUtilsKt._setValue(dialog.value, new BigDecimal("10"));
        HasValueUtilsKt._setValue(dialog.appliesTo, com.commercehub.quote.AdjustmentDraft.AppliesTo.FIRST_PAYMENT);
        ButtonKt._click(dialog.add);
        assertThat(dialog.isOpened()).as("added, the dialog closes").isFalse();
        assertThat(dialog.getParent()).as("and leaves the tab's state").isEmpty();

        // 10 % of 2,499 is 249.90, spread 240.00 / 9.90, each line taxed 19 % on what is left.
        assertThat(rows(view.totals)).contains("Recurring: €117.81 / month",
                "Quote discount, on the first payment only: -€249.90");
        assertThat(view.firstPayment.getText()).isEqualTo("Due at checkout: €2,676.43");
        assertThat(quotes.get(quote.id()).adjustments().getFirst().appliesTo())
                .isEqualTo(com.commercehub.quote.AdjustmentDraft.AppliesTo.FIRST_PAYMENT);
        assertThat(adjustmentRows(view)).containsExactly("Discount | Welcome (First payment only) | 10 %");
        assertThat(quotes.get(quote.id()).totals().recurringTotals()).containsValue(Money.of("117.81", "EUR"));
    }

    @Test
    void lines_move_up_and_down_and_the_buyer_sees_that_order() {
        QuoteView view = open();
        assertThat(cell(view, 0, "actions", "first")).as("up is disabled on the first row").isEqualTo(true);
        assertThat(cell(view, 0, "actions", "downLabel")).isEqualTo("Move down · Workshop");
        view.lines.rowAction(QuoteLineGrid.RowAction.DOWN, GridKt._get(view.lines, 0));

        assertThat(GridKt._get(view.lines, 0).name()).isEqualTo("Licence");
        assertThat(quotes.get(quote.id()).lines()).extracting(com.commercehub.crm.LineItemDetails::name)
                .containsExactly("Licence", "Workshop");
        assertThat(cell(view, 1, "actions", "last")).as("down is disabled on the last row").isEqualTo(true);
        assertThat(cell(view, 0, "actions", "last")).isEqualTo(false);
        publishReviewed(view);
        assertThat(quotes.publishedContent(quote.id(), 1).orElseThrow().lines())
                .extracting(com.commercehub.crm.LineItemDraft::name).containsExactly("Licence", "Workshop");
    }

    @Test
    void each_line_reads_its_billing_in_words_under_its_name() {
        QuoteView view = open();
        assertThat(cell(view, 0, "name", "name") + "" + cell(view, 0, "name", "meta"))
                .isEqualTo("Workshop2\u00a0× €1,200.00 once");
        assertThat(cell(view, 1, "name", "name") + "" + cell(view, 1, "name", "meta"))
                .isEqualTo("Licence€99.00 / month");
    }

    @Test
    void enter_on_a_partial_product_name_picks_the_match_or_says_nothing_matched() {
        QuoteView view = open();
        view.picker.pickFirstMatch("Train");
        assertThat(view.picker.product.getValue().name()).isEqualTo("Training day");

        view.picker.pickFirstMatch("Nothing like this");
        assertThat(view.picker.product.isInvalid()).isTrue();
        assertThat(view.picker.product.getErrorMessage()).isEqualTo("No active product matches “Nothing like this”.");
    }

    @Test
    void the_deal_page_shows_one_time_and_monthly_money_apart_with_the_first_payment() {
        navigate("deals/" + deal.id());
        _get(DealView.class);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("deal-amount")).getText())
                .isEqualTo("Deal amount: €2,400.00 once + €99.00 / month · first payment €2,499.00");
    }

    @Test
    void an_amount_typed_with_german_separators_is_read_and_shown_as_understood() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(Locale.GERMAN);
        QuoteView view = open();
        Press.press(view.newAdjustment);
        AdjustmentDialog dialog = view.adjustmentDialog;
        assertThat(dialog.getHeaderTitle()).isEqualTo("Rabatt oder Gebühr hinzufügen");
        HasValueUtilsKt._setValue(dialog.kind, com.commercehub.quote.Adjustment.Kind.AMOUNT);
        dialog.value.type("1.200,50");
        assertThat(dialog.value.getValue()).isEqualByComparingTo("1200.50");
        assertThat(dialog.value.getHelperText()).isEqualTo("Gelesen als 1.200,5");

        dialog.value.type("zwölf");
        assertThat(dialog.value.getValue()).isNull();
        assertThat(dialog.value.isInvalid()).isTrue();
        assertThat(dialog.value.getErrorMessage()).startsWith("„zwölf“ ist hier keine Zahl");
        ButtonKt._click(dialog.add);
        assertThat(dialog.isOpened()).as("refused, the dialog stays with the problem").isTrue();
        assertThat(quotes.get(quote.id()).adjustments()).isEmpty();

        HasValueUtilsKt._setValue(dialog.label, "Treue");
        dialog.value.type("1.200,50");
        ButtonKt._click(dialog.add);
        assertThat(quotes.get(quote.id()).adjustments()).singleElement()
                .satisfies(a -> assertThat(a.adjustment().value()).isEqualByComparingTo("1200.50"));
        assertThat(adjustmentRows(view)).containsExactly("Rabatt | Treue (Jede Zahlung) | 1.200,50 €");

        // Each row's remove button is drawn in the browser; the table hears its click and removes that discount.
        var button = adjustmentTable(view).selectFirst("vaadin-button.adjustment-remove");
        assertThat(button.attr("aria-label")).isEqualTo("Rabatt oder Gebühr entfernen · Treue");
        clickRemove(view, "7");
        assertThat(quotes.get(quote.id()).adjustments()).as("no such row: nothing removed").hasSize(1);
        clickRemove(view, button.attr("data-remove"));
        assertThat(quotes.get(quote.id()).adjustments()).isEmpty();
        assertThat(adjustmentTable(view).text()).isEqualTo("Keine Angebotsrabatte oder Gebühren.");
    }

    @Test
    void a_discount_label_with_markup_is_shown_as_text_and_a_read_only_quote_offers_no_remove_button() {
        QuoteView view = open();
        Press.press(view.newAdjustment);
        AdjustmentDialog dialog = view.adjustmentDialog;
        HasValueUtilsKt._setValue(dialog.label, "<img src=x onerror=alert(1)>\"");
        HasValueUtilsKt._setValue(dialog.value, new BigDecimal("5"));
        ButtonKt._click(dialog.add);
        var table = adjustmentTable(view);
        assertThat(table.select("img")).isEmpty();
        assertThat(adjustmentRows(view)).singleElement().asString().contains("<img src=x onerror=alert(1)>\"");
        assertThat(table.selectFirst("vaadin-button.adjustment-remove").attr("aria-label"))
                .as("the quote in the label stays inside its attribute")
                .isEqualTo("Remove discount or fee · <img src=x onerror=alert(1)>\"");

        view.adjustments.show(List.of(new AdjustmentTable.Row("Discount", "Welcome", "5 %", "Remove · Welcome")), false);
        assertThat(adjustmentTable(view).select("vaadin-button")).isEmpty();
        clickRemove(view, "0");
        assertThat(quotes.get(quote.id()).adjustments()).as("a read-only table removes nothing").hasSize(1);
    }

    /** The discounts and fees as the browser gets them. */
    private static org.jsoup.nodes.Element adjustmentTable(QuoteView view) {
        return org.jsoup.Jsoup.parseBodyFragment(view.adjustments.getElement().getProperty("innerHTML")).body();
    }

    /** Each row's cells (type, label, value), as read. */
    private static List<String> adjustmentRows(QuoteView view) {
        return adjustmentTable(view).select("tbody tr").stream()
                .map(row -> row.select("td").stream().limit(3).map(org.jsoup.nodes.Element::text)
                        .collect(java.util.stream.Collectors.joining(" | ")))
                .toList();
    }

    /** What the browser sends when a remove button in row {@code index} is clicked. */
    private static void clickRemove(QuoteView view, String index) {
        var data = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put(AdjustmentTable.REMOVE_FILTER, true).put(AdjustmentTable.REMOVED_ROW, index);
        com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(view.adjustments.getElement(),
                new com.vaadin.flow.dom.DomEvent(view.adjustments.getElement(), "click", data));
    }
}
