package com.commercehub.quote.ui;

import com.commercehub.base.ui.ActionButton;
import com.commercehub.base.ui.DateField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.base.security.StaffMember;
import com.commercehub.base.security.UserService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.ui.CrmForms;
import com.commercehub.crm.ui.DealView;
import com.commercehub.crm.ui.LineDialog;
import com.commercehub.crm.ui.LineItemPicker;
import com.commercehub.crm.ui.LineItemTexts;
import com.commercehub.product.BillingFrequency;
import com.commercehub.product.ProductService;
import com.commercehub.product.ui.BillingLabels;
import com.commercehub.quote.Adjustment;
import com.commercehub.quote.AdjustmentDraft;
import com.commercehub.quote.PaymentStepRules;
import com.commercehub.quote.QuoteActivityService;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteHeaderDraft;
import com.commercehub.quote.QuotePublishException;
import com.commercehub.quote.QuoteService;
import com.commercehub.quote.QuoteStatus;
import com.commercehub.quote.QuoteTotals;
import com.commercehub.quote.QuoteTransitionException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import com.commercehub.base.db.RecordNotFoundException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The quote builder: the quote's details, its line items, quote-level discounts and fees, the live
 * totals, the signature and payment step, and publishing. Every change is saved as it is made.
 */
@Route("quotes/:id")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class QuoteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 heading = new H2();
    final Span status = new Span();
    final RouterLink dealLink = new RouterLink();
    // Action buttons, not Vaadin's Button: see ActionButton for what each open tab saves.
    final ActionButton publish = new ActionButton();
    final ActionButton recall = new ActionButton();
    final ActionButton duplicate = new ActionButton();
    final ActionButton copyLink = new ActionButton();
    final UnorderedList publishProblems = new UnorderedList();
    /** Says the last autosaved change was stored, so no one looks for a Save button. */
    final Span saved = new Span();
    PublishReview review;

    final TextField title = new TextField();
    final DateField expiresOn = new DateField();
    // Combo boxes, not selects: a select holds a server-side component per option for as long as the tab is open.
    final ComboBox<Locale> locale = new ComboBox<>();
    final ComboBox<ContactSummary> buyer = new ComboBox<>();
    final ComboBox<String> owner = new ComboBox<>();
    final TextArea comments = new TextArea();
    final TextArea purchaseTerms = new TextArea();

    final LineItemPicker picker;
    final QuoteLineGrid lines;

    /** Opens the {@link AdjustmentDialog}, the one open now in {@link #adjustmentDialog}. */
    final ActionButton newAdjustment = new ActionButton();
    AdjustmentDialog adjustmentDialog;
    final AdjustmentTable adjustments;

    final Div totals = new Div();
    final Span firstPayment = new Span();

    final Checkbox requireSignature = new Checkbox();
    final ComboBox<String> countersigner = new ComboBox<>();
    final Checkbox collectPayment = new Checkbox();
    final Div paymentUnavailable = new Div();
    final Span renewalTaxNote = new Span();
    final UnorderedList paymentViolations = new UnorderedList();
    final UnorderedList paymentWarnings = new UnorderedList();

    /** What the buyer saw and did, made the first time the quote is published (a draft has nothing to show). */
    QuoteActivityPanel activity;
    /** The right-hand column: totals, the signature and payment step, then the activity once published. */
    private final VerticalLayout summary;
    private final QuoteActivityService activityService;
    /** The quote's payments, made the first time there are any to show (most quotes in the builder have none). */
    com.commercehub.payment.ui.PaymentsGrid payments;
    final Div paymentsSection = new Div();

    private final QuoteService quotes;
    private final BuyerLinkAddress address;
    private final boolean mayEdit;
    private final Map<String, String> staffNames;
    private final com.commercehub.payment.PaymentResync resync;
    private final com.commercehub.base.ui.BackgroundJobs jobs;
    private final boolean mayResync;
    private final boolean admin;
    private QuoteDetails quote;
    private com.vaadin.flow.shared.Registration resizing;
    /** Below this window width (px) the line grid shows only what fits a phone. */
    static final int PHONE_WIDTH = 700;

    private final com.commercehub.payment.PaymentService paymentService;
    private final com.commercehub.quote.QuoteDelivery delivery;

    QuoteView(com.commercehub.quote.QuoteDelivery delivery, QuoteService quotes, QuoteActivityService activityService, com.commercehub.payment.PaymentService paymentService,
              com.commercehub.payment.PaymentResync resync, com.commercehub.base.ui.BackgroundJobs jobs,
              ProductService products, UserService users, BuyerLinkAddress address, AuthenticationContext authentication) {
        this.paymentService = paymentService;
        this.delivery = delivery;
        this.resync = resync;
        this.jobs = jobs;
        this.mayResync = authentication.hasAnyRole(Role.Names.FINANCE, Role.Names.ADMIN);
        this.admin = authentication.hasAnyRole(Role.Names.ADMIN);
        this.quotes = quotes;
        this.address = address;
        this.mayEdit = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        this.activityService = activityService;
        List<StaffMember> staff = users.activeStaff();
        this.staffNames = staff.stream().collect(java.util.stream.Collectors.toMap(StaffMember::email,
                StaffMember::displayName, (a, b) -> a));

        status.getElement().getThemeList().add("badge");
        status.addClassName("quote-status");
        publish.setText(getTranslation("quote.publish"));
        publish.withThemeVariants(ButtonVariant.LUMO_PRIMARY).onPress(this::review);
        recall.setText(getTranslation("quote.recall"));
        recall.onPress(() -> QuoteActions.transition(this, () -> quotes.recall(quote.id(), quote.version()))
                .ifPresent(this::show));
        duplicate.setText(getTranslation("quote.duplicate"));
        duplicate.onPress(() -> QuoteActions.open(this, quotes.duplicate(quote.id()).id()));
        copyLink.setText(getTranslation("quote.link.copy"));
        copyLink.withIcon(VaadinIcon.LINK.create()).onPress(() -> QuoteActions.copyLink(this, quotes, address, quote.id()));
        saved.addClassName("quote-saved");
        saved.getElement().setAttribute("aria-live", "polite");
        HorizontalLayout header = new HorizontalLayout(heading, status, saved, publish, recall, copyLink, duplicate);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWrap(true);
        publishProblems.addClassName("quote-problems");

        title.setLabel(getTranslation("quote.title"));
        expiresOn.setLabel(getTranslation("quote.expires"));
        expiresOn.addClassName("quote-expiry");
        locale.setLabel(getTranslation("quote.language"));
        locale.setItems(Messages.SUPPORTED);
        locale.setItemLabelGenerator(l -> l == null ? "" : Messages.languageName(l));
        buyer.setLabel(getTranslation("quote.buyer"));
        buyer.setClearButtonVisible(true);
        buyer.setItemLabelGenerator(c -> c == null ? "" : c.fullName() + " · " + c.email());
        owner.setLabel(getTranslation("quote.owner"));
        owner.setItems(staff.stream().map(StaffMember::email).toList());
        owner.setItemLabelGenerator(email -> email == null ? "" : staffNames.getOrDefault(email, email));
        comments.setLabel(getTranslation("quote.comments"));
        purchaseTerms.setLabel(getTranslation("quote.terms"));
        FormLayout details = new FormLayout(title, expiresOn, buyer, locale, owner, comments, purchaseTerms);
        details.setColspan(comments, 2);
        details.setColspan(purchaseTerms, 2);
        title.addValueChangeListener(e -> headerChanged(e.isFromClient()));
        expiresOn.addValueChangeListener(e -> headerChanged(e.isFromClient()));
        locale.addValueChangeListener(e -> headerChanged(e.isFromClient()));
        buyer.addValueChangeListener(e -> headerChanged(e.isFromClient()));
        owner.addValueChangeListener(e -> headerChanged(e.isFromClient()));
        comments.addValueChangeListener(e -> headerChanged(e.isFromClient()));
        purchaseTerms.addValueChangeListener(e -> headerChanged(e.isFromClient()));

        picker = new LineItemPicker(products, this::addProduct,
                draft -> {
                    show(quotes.addLine(quote.id(), quote.version(), draft));
                    return true;
                });
        lines = new QuoteLineGrid(this::editable, new QuoteLineGrid.Actions() {
            @Override
            public void changeQuantity(LineItemDetails line, BigDecimal quantity, HasValidation field) {
                change(() -> quotes.changeQuantity(quote.id(), quote.version(), line.index(), quantity),
                        Map.of("quantity", field));
            }

            @Override
            public void edit(LineItemDetails line) {
                new LineDialog(line, draft -> {
                    show(quotes.updateLine(quote.id(), quote.version(), line.index(), draft));
                    return true;
                }).open();
            }

            @Override
            public void move(LineItemDetails line, int target) {
                change(() -> quotes.moveLine(quote.id(), quote.version(), line.index(), target), Map.of());
            }

            @Override
            public void remove(LineItemDetails line) {
                change(() -> quotes.removeLine(quote.id(), quote.version(), line.index()), Map.of());
            }
        });

        newAdjustment.setText(getTranslation("quote.adjustment.new"));
        newAdjustment.withIcon(VaadinIcon.PLUS.create()).onPress(() -> {
            adjustmentDialog = new AdjustmentDialog(this::addAdjustment);
            adjustmentDialog.open();
        });
        adjustments = new AdjustmentTable(new AdjustmentTable.Headings(getTranslation("quote.adjustment.type"),
                getTranslation("quote.adjustment.label"), getTranslation("quote.adjustment.value"),
                getTranslation("quote.actions"), getTranslation("quote.adjustment.empty")),
                this::removeAdjustment);

        totals.addClassName("quote-totals");
        firstPayment.addClassName("quote-first-payment");

        requireSignature.setLabel(getTranslation("quote.signature.require"));
        requireSignature.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(() -> quotes.setSignature(quote.id(), quote.version(), e.getValue(), countersigner.getValue()),
                        Map.of());
            }
        });
        countersigner.setLabel(getTranslation("quote.signature.countersigner"));
        countersigner.setClearButtonVisible(true);
        countersigner.setPlaceholder(getTranslation("quote.signature.no-countersigner"));
        countersigner.setItems(staff.stream().map(StaffMember::email).toList());
        countersigner.setItemLabelGenerator(email -> email == null ? getTranslation("quote.signature.no-countersigner")
                : staffNames.getOrDefault(email, email));
        countersigner.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(() -> quotes.setSignature(quote.id(), quote.version(), true, e.getValue()),
                        Map.of("countersigner", countersigner));
            }
        });
        collectPayment.setLabel(getTranslation("quote.payment.collect"));
        collectPayment.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                change(() -> quotes.setCollectPayment(quote.id(), quote.version(), e.getValue()), Map.of());
            }
        });
        // A link to the page that fixes it, not a menu path to follow.
        // Only admins may open Payments settings; others learn whom to ask.
        paymentUnavailable.addClassName("quote-help");
        paymentViolations.addClassName("quote-payment-violations");
        paymentWarnings.addClassName("quote-payment-warnings");
        renewalTaxNote.setText(getTranslation("quote.payment.renewal-tax-note"));
        renewalTaxNote.addClassName("quote-help");
        VerticalLayout step = new VerticalLayout(requireSignature, countersigner, collectPayment, renewalTaxNote,
                paymentUnavailable,
                paymentViolations, paymentWarnings);
        step.setPadding(false);
        step.setSpacing(false);

        // Wide screens keep the totals and the signature/payment step beside the content they sum up.
        VerticalLayout content = new VerticalLayout(details, new H3(getTranslation("crm.deal.lines")), picker, lines,
                new H3(getTranslation("quote.adjustments")), newAdjustment, adjustments);
        content.setPadding(false);
        content.addClassName("quote-content");
        summary = new VerticalLayout(new H3(getTranslation("quote.totals")), totals, firstPayment,
                new H3(getTranslation("quote.step")), step);
        summary.setPadding(false);
        summary.addClassName("quote-summary");
        com.vaadin.flow.component.orderedlayout.FlexLayout columns =
                new com.vaadin.flow.component.orderedlayout.FlexLayout(content, summary);
        columns.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        columns.setWidthFull();
        columns.addClassName("quote-columns");
        paymentsSection.setWidthFull();
        add(header, dealLink, publishProblems, columns, paymentsSection);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            show(quotes.get(Long.parseLong(event.getRouteParameters().get("id").orElse(""))));
        } catch (NumberFormatException | RecordNotFoundException e) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    void show(QuoteDetails details) {
        quote = details;
        boolean editable = editable();
        heading.setText(details.number() + " · " + details.title());
        heading.addClassName("quote-heading");
        status.setText(details.publishedVersion() == 0 ? getTranslation(details.status().messageKey())
                : getTranslation("quote.status.with-version", getTranslation(details.status().messageKey()),
                details.publishedVersion()));
        dealLink.setText(getTranslation("quote.for-deal", details.dealName()));
        dealLink.setRoute(DealView.class, new RouteParameters("id", Long.toString(details.dealId())));
        publish.setVisible(mayEdit && details.status().canMoveTo(QuoteStatus.PUBLISHED));
        recall.setVisible(mayEdit && details.status().canMoveTo(QuoteStatus.RECALLED));
        copyLink.setVisible(details.status().linkLive() || details.status() == QuoteStatus.EXPIRED);
        duplicate.setVisible(mayEdit);
        publishProblems.removeAll();

        title.setValue(details.title());
        if (!expiresOn.hasUnreadableInput()) {
            // Text that is no date stays in the field with its message until the rep corrects it, whatever else
            // was saved meanwhile: it is never silently replaced by the stored expiry.
            expiresOn.setValue(details.expiresOn());
        }
        locale.setValue(details.locale());
        buyer.setItems(details.dealContacts());
        buyer.setValue(details.dealContacts().stream().filter(c -> details.contactId() != null
                && c.id() == details.contactId()).findFirst().orElse(null));
        owner.setValue(details.owner());
        comments.setValue(details.comments() == null ? "" : details.comments());
        purchaseTerms.setValue(details.purchaseTerms() == null ? "" : details.purchaseTerms());
        List<com.vaadin.flow.component.HasValue<?, ?>> headerFields = List.of(title, expiresOn, locale, buyer, owner,
                comments, purchaseTerms);
        for (var field : headerFields) {
            field.setReadOnly(!editable);
            ((HasValidation) field).setInvalid(false);
        }

        picker.setVisible(editable);
        newAdjustment.setVisible(editable);
        lines.show(details.lines());
        adjustments.show(details.adjustments().stream().map(adjustment -> new AdjustmentTable.Row(
                getTranslation("quote.adjustment." + adjustment.type().name().toLowerCase()),
                adjustmentLabelText(adjustment), adjustmentText(adjustment),
                getTranslation("quote.adjustment.remove") + " · " + adjustment.label())).toList(), editable);
        picker.offer(details.currency());
        showTotals(details.totals());

        requireSignature.setValue(details.requireSignature());
        requireSignature.setReadOnly(!editable);
        countersigner.setValue(details.countersigner());
        countersigner.setVisible(details.requireSignature());
        countersigner.setReadOnly(!editable);
        collectPayment.setValue(details.collectPayment());
        boolean ready = details.payment().processorReady();
        // Payment can be switched on only through a ready account; a quote already collecting can always switch it off.
        collectPayment.setReadOnly(!editable || (!ready && !details.collectPayment()));
        showPaymentUnavailable(!ready);
        renewalTaxNote.setVisible(details.collectPayment() && details.lines().stream()
                .anyMatch(line -> line.frequency() != null && line.taxPercentage() != null));
        showFindings(paymentViolations, details.collectPayment() ? details.payment().rules().violations() : List.of());
        showFindings(paymentWarnings, details.collectPayment() ? details.payment().rules().warnings() : List.of());
        if (details.publishedVersion() > 0 && activity == null) {
            activity = new QuoteActivityPanel(activityService, mayEdit, id -> show(quotes.get(id)));
            summary.add(activity);
        }
        if (activity != null) {
            activity.show(details);
        }
        // Payments exist only for quotes that collect payment; others do not show an empty section.
        var paid = details.collectPayment() || details.status() == QuoteStatus.PAID
                ? paymentService.ofQuote(details.id()) : java.util.List.<com.commercehub.payment.PaymentEntry>of();
        boolean showPayments = details.collectPayment() && details.publishedVersion() > 0;
        if (showPayments && payments == null) {
            payments = new com.commercehub.payment.ui.PaymentsGrid();
            if (mayResync) {
                payments.allowResync(resync, jobs);
            }
            paymentsSection.add(new H3(getTranslation("payment.title")), payments);
        }
        if (payments != null) {
            payments.show(paid);
        }
        paymentsSection.setVisible(showPayments);
    }

    /**
     * Says payment cannot be switched on without a ready account, with a link to the settings for admins; its text is
     * made only when it is shown.
     */
    private void showPaymentUnavailable(boolean unavailable) {
        if (unavailable && paymentUnavailable.getChildren().findAny().isEmpty()) {
            // A link to the page that fixes it, not a menu path to follow.
            // Only admins may open Payments settings; others learn whom to ask.
            paymentUnavailable.add(new Span(getTranslation("builder.payment.not-ready") + " "), admin
                    ? new com.vaadin.flow.component.html.Anchor("settings/payments",
                    getTranslation("builder.payment.open-settings"))
                    : new Span(getTranslation("builder.payment.ask-admin")));
        }
        paymentUnavailable.setVisible(unavailable);
    }

    /** A row's remove button; the browser's click arrives here (through {@link AdjustmentTable}). */
    private void removeAdjustment(int index) {
        if (editable()) {
            change(() -> quotes.removeAdjustment(quote.id(), quote.version(), index), Map.of());
        }
    }

    private boolean editable() {
        return mayEdit && quote != null && quote.editable();
    }

    /**
     * One-time money and each recurring frequency are shown apart, never added into one subtotal; only
     * the first payment sums them, as the buyer pays it at checkout.
     */
    private void showTotals(QuoteTotals sums) {
        totals.removeAll();
        boolean recurring = !sums.recurringTotals().isEmpty();
        if (!recurring || !sums.oneTimeTotal().isZero()) {
            totalRow("quote.totals.one-time", sums.oneTimeTotal());
        }
        sums.recurringTotals().forEach((frequency, amount) -> {
            Div row = new Div(getTranslation("builder.totals.recurring",
                    com.commercehub.crm.ui.LineItemCells.perPeriod(this, amount, frequency)));
            row.addClassName("quote-recurring-total");
            totals.add(row);
        });
        if (!sums.quoteDiscount().isZero()) {
            boolean firstOnly = quote.adjustments().stream().anyMatch(AdjustmentDraft::firstPaymentOnly);
            totalRow(recurring && firstOnly ? "builder.totals.discount-first" : recurring
                    ? "builder.totals.discount-every" : "quote.totals.discount", sums.quoteDiscount().negate());
        }
        if (!sums.fees().isZero()) {
            totalRow("quote.totals.fees", sums.fees());
        }
        if (!sums.taxAdded().isZero()) {
            totalRow("quote.totals.tax", sums.taxAdded());
        }
        if (!sums.taxIncluded().isZero()) {
            totalRow("quote.totals.tax-included", sums.taxIncluded());
        }
        firstPayment.setText(getTranslation("quote.totals.first-payment", Formats.money(sums.firstPayment(), getLocale())));
    }

    private void totalRow(String key, Money amount) {
        totals.add(new Div(getTranslation(key, Formats.money(amount, getLocale()))));
    }

    private void showFindings(UnorderedList list, List<PaymentStepRules.Finding> findings) {
        list.removeAll();
        findings.forEach(finding -> list.add(new ListItem(message(finding))));
        list.setVisible(!findings.isEmpty());
    }

    private String message(PaymentStepRules.Finding finding) {
        Object[] args = finding.args().stream()
                .map(arg -> arg instanceof Money money ? Formats.money(money, getLocale())
                        : arg instanceof BillingFrequency frequency ? inSentence(BillingLabels.of(this, frequency, null))
                        : arg).toArray();
        return getTranslation(finding.messageKey(), args);
    }

    /** "Monthly" inside a sentence: "bills monthly" (only the first letter, German nouns keep theirs). */
    private String inSentence(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toLowerCase(getLocale()) + label.substring(1);
    }

    private void headerChanged(boolean fromClient) {
        if (!fromClient || !editable()) {
            return;
        }
        // An unreadable expiry is reported next to its field and not saved; the other header fields still are.
        LocalDate expiry = DateField.unreadable(expiresOn) ? quote.expiresOn() : expiresOn.getValue();
        if (expiresOn.hasUnreadableInput() && isSavedHeader(expiry)) {
            return;
        }
        change(() -> quotes.updateHeader(quote.id(), quote.version(), new QuoteHeaderDraft(title.getValue(),
                        expiry, locale.getValue(), buyer.getValue() == null ? null : buyer.getValue().id(),
                        owner.getValue(), comments.getValue(), purchaseTerms.getValue())),
                Map.of("title", title, "expiresOn", expiresOn, "locale", locale, "contact", buyer, "owner", owner));
        DateField.unreadable(expiresOn);
    }

    /** Whether the header fields hold what is saved, with {@code expiry} for the expiry. */
    private boolean isSavedHeader(LocalDate expiry) {
        return java.util.Objects.equals(title.getValue(), quote.title())
                && java.util.Objects.equals(expiry, quote.expiresOn())
                && java.util.Objects.equals(locale.getValue(), quote.locale())
                && java.util.Objects.equals(buyer.getValue() == null ? null : buyer.getValue().id(), quote.contactId())
                && java.util.Objects.equals(owner.getValue(), quote.owner())
                && comments.getValue().equals(quote.comments() == null ? "" : quote.comments())
                && purchaseTerms.getValue().equals(quote.purchaseTerms() == null ? "" : quote.purchaseTerms());
    }

    private boolean addProduct(long productId, BigDecimal amount) {
        return change(() -> quotes.addProduct(quote.id(), quote.version(), productId, amount),
                Map.of("product", picker.product, "quantity", picker.quantity));
    }

    private boolean addAdjustment(AdjustmentDialog dialog) {
        return change(() -> quotes.addAdjustment(quote.id(), quote.version(), dialog.type.getValue(),
                        dialog.label.getValue(), dialog.kind.getValue(), dialog.value.getValue(),
                        dialog.appliesTo.getValue()),
                Map.of("label", dialog.label, "value", dialog.value));
    }

    /** Publish first shows the review step; the quote is published only when it is confirmed there. */
    private void review() {
        publishProblems.removeAll();
        review = new PublishReview(quote, staffNames, this::publish, delivery);
        review.open();
    }

    private java.util.Optional<String> publish() {
        try {
            QuoteService.Published published = quotes.publish(quote.id(), quote.version());
            show(published.quote());
            // The review dialog says so and shows the link: a notification would lie over its Send and Copy buttons.
            return java.util.Optional.of(address.absolute(published.linkPath()));
        } catch (QuotePublishException refused) {
            publishProblems.removeAll();
            refused.problems().forEach(problem -> publishProblems.add(new ListItem(message(problem))));
        } catch (QuoteTransitionException refused) {
            QuoteActions.notify(getTranslation(refused.messageKey(), getTranslation(refused.from().messageKey())), false);
        }
        return java.util.Optional.empty();
    }

    /** Applies a change; problems show next to their fields (or as a notification), the lifecycle's refusals too. */
    private boolean change(Supplier<QuoteDetails> action, Map<String, HasValidation> fields) {
        try {
            show(action.get());
            saved.setText(getTranslation("review.saved"));
            return true;
        } catch (CrmValidationException problem) {
            CrmForms.show(this, problem, fields);
            return false;
        } catch (QuoteTransitionException refused) {
            QuoteActions.notify(getTranslation(refused.messageKey(), getTranslation(refused.from().messageKey())), false);
            return false;
        }
    }

    /** A discount's label says how long it lasts once the quote has recurring lines. */
    private String adjustmentLabelText(AdjustmentDraft adjustment) {
        boolean recurring = quote != null && !quote.totals().recurringTotals().isEmpty();
        return adjustment.type() == AdjustmentDraft.Type.DISCOUNT && recurring
                ? getTranslation("builder.discount.labelled", adjustment.label(),
                getTranslation("builder.discount." + adjustment.appliesTo().name().toLowerCase()))
                : adjustment.label();
    }

    private String adjustmentText(AdjustmentDraft adjustment) {
        return adjustment.adjustment().kind() == Adjustment.Kind.PERCENT
                ? Formats.number(adjustment.adjustment().value(), getLocale()) + " %"
                : Formats.money(new Money(adjustment.adjustment().value(), quote.currency()), getLocale());
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        super.onAttach(event);
        var page = event.getUI().getPage();
        page.retrieveExtendedClientDetails(details -> fitTo(details.getWindowInnerWidth()));
        resizing = page.addBrowserWindowResizeListener(resized -> fitTo(resized.getWidth()));
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        if (resizing != null) {
            resizing.remove();
        }
        super.onDetach(event);
    }

    /** Phones show each line's name, amount and actions; the quantity and prices read under the name. */
    private void fitTo(int windowWidth) {
        lines.setCompact(windowWidth < PHONE_WIDTH);
    }

    @Override
    public String getPageTitle() {
        return quote == null ? getTranslation("nav.quotes") : quote.number() + " · " + quote.title();
    }
}
