package com.commercehub.invoice.ui;

import com.commercehub.base.ui.TypedChoice;
import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.security.Role;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.CompanySummary;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealListEntry;
import com.commercehub.crm.DiscountKind;
import com.commercehub.crm.DealService;
import com.commercehub.crm.LineItemDetails;
import com.commercehub.crm.LineItemDraft;
import com.commercehub.crm.LineItemRules;
import com.commercehub.crm.ui.LineDialog;
import com.commercehub.crm.ui.LineItemPicker;
import com.commercehub.invoice.InvoiceDetails;
import com.commercehub.invoice.InvoiceHeader;
import com.commercehub.invoice.InvoiceHistoryEntry;
import com.commercehub.invoice.InvoicePricing;
import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.base.ui.DateField;
import com.commercehub.invoice.InvoiceService;
import com.commercehub.invoice.InvoiceTransitionException;
import com.commercehub.invoice.ManualPayment;
import com.commercehub.invoice.ManualPaymentMethod;
import com.commercehub.invoice.PaymentTerms;
import com.commercehub.product.ProductService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One invoice: the form of a new or draft invoice (buyer, dates, terms, currency, lines from the library or
 * typed, comments, footer) with <em>Save draft</em> and <em>Send</em>; a sent one is read-only with
 * <em>Record payment</em>, <em>Resend</em>, <em>Void</em> and <em>Uncollectible</em>, and its history. Problems are shown next to their fields.
 */
@Route("invoices/:id")
@RolesAllowed({Role.Names.SALES, Role.Names.FINANCE, Role.Names.ADMIN})
public class InvoiceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final H2 title = new H2();
    final ComboBox<DealListEntry> fromDeal = new ComboBox<>();
    final ComboBox<ContactSummary> contact = new ComboBox<>();
    final ComboBox<CompanySummary> company = new ComboBox<>();
    final Span status = new Span();
    final TextField buyerName = new TextField();
    final TextField buyerEmail = new TextField();
    final Select<Locale> language = new Select<>();
    final CurrencyField currency = new CurrencyField();
    final DateField issueDate = new DateField();
    final Select<PaymentTerms> terms = new Select<>();
    final DateField dueDate = new DateField();
    final Checkbox allowPartial = new Checkbox();
    final Select<DiscountKind> discountKind = new Select<>();
    final BigDecimalField discount = new BigDecimalField();
    final TextArea comments = new TextArea();
    final TextArea footer = new TextArea();
    final Grid<LineItemDetails> lines = new Grid<>();
    final Span linesError = new Span();
    final Span totals = new Span();
    /** What was received so far, online or recorded by hand (a sent invoice only). */
    final Grid<InvoiceDetails.ReceivedPayment> payments = new Grid<>();
    final Span paymentsTitle = new Span();
    final Span noPayments = new Span();
    final LineItemPicker picker;
    final Button save = new Button();
    final Button send = new Button();
    final Button recordPayment = new Button();
    final Button voidInvoice = new Button();
    final Button uncollectible = new Button();
    final Button resend = new Button();
    /** Sent and resent, to whom and by whom (a sent invoice only). */
    final VerticalLayout history = new VerticalLayout();

    private final InvoiceService invoices;
    private final boolean editor;
    private final BusinessCalendar calendar;
    private final List<LineItemDraft> draftLines = new ArrayList<>();
    private final java.util.function.Function<Long, ContactSummary> contactLookup;
    /** The stored invoice's company while none is picked again (the combo box shows picks, not stored ids). */
    private Long keptCompanyId;
    private InvoiceDetails current;
    private Currency offeredCurrency;

    InvoiceView(InvoiceService invoices, ProductService products, BusinessCalendar calendar, DealService deals,
                ContactService contacts, CompanyService companies, AuthenticationContext authentication) {
        this.invoices = invoices;
        this.calendar = calendar;
        this.contactLookup = id -> contacts.byIds(List.of(id)).stream().findFirst().orElse(null);
        // Three ways to start besides from scratch: a deal makes the draft at once; a contact or company fills the buyer.
        fromDeal.setLabel(getTranslation("invoice.from-deal"));
        fromDeal.setItemLabelGenerator(DealListEntry::name);
        fromDeal.setItems(q -> deals.page(q.getFilter().orElse(""), null,
                org.springframework.data.domain.PageRequest.of(q.getPage(), q.getPageSize())).stream());
        fromDeal.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                startFromDeal(e.getValue().id());
            }
        });
        TypedChoice.pickFirstMatch(fromDeal, typed -> deals.page(typed, null,
                org.springframework.data.domain.PageRequest.of(0, 1)).stream().findFirst(), d -> startFromDeal(d.id()));
        contact.setLabel(getTranslation("invoice.contact"));
        contact.setItemLabelGenerator(c -> c.fullName() + " · " + c.email());
        contact.setClearButtonVisible(true);
        contact.setItems(q -> contacts.page(q.getFilter().orElse(""),
                org.springframework.data.domain.PageRequest.of(q.getPage(), q.getPageSize())).stream());
        contact.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                buyerFromContact(e.getValue());
            }
        });
        TypedChoice.pickFirstMatch(contact, typed -> contacts.page(typed,
                org.springframework.data.domain.PageRequest.of(0, 1)).stream().findFirst(), this::buyerFromContact);
        company.setLabel(getTranslation("invoice.company"));
        company.setItemLabelGenerator(CompanySummary::name);
        company.setClearButtonVisible(true);
        company.setItems(q -> companies.page(q.getFilter().orElse(""),
                org.springframework.data.domain.PageRequest.of(q.getPage(), q.getPageSize())).stream());
        TypedChoice.pickFirstMatch(company, typed -> companies.page(typed,
                org.springframework.data.domain.PageRequest.of(0, 1)).stream().findFirst(), c -> buyerName.setValue(c.name()));
        company.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                buyerName.setValue(e.getValue().name());
            }
        });
        this.editor = authentication.hasAnyRole(Role.Names.SALES, Role.Names.ADMIN);
        buyerName.setLabel(getTranslation("invoice.buyer-name"));
        buyerEmail.setLabel(getTranslation("invoice.buyer-email"));
        language.setLabel(getTranslation("invoice.language"));
        language.setItems(Messages.SUPPORTED);
        language.setItemLabelGenerator(Messages::languageName);
        language.setValue(Locale.ENGLISH);
        currency.setLabel(getTranslation("invoice.currency"));
        currency.setAllCurrencies();
        currency.addValueChangeListener(e -> showLines());
        issueDate.setLabel(getTranslation("invoice.issue-date"));
        terms.setLabel(getTranslation("invoice.terms"));
        terms.setItems(PaymentTerms.values());
        terms.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        terms.setValue(PaymentTerms.NET_30);
        terms.addValueChangeListener(e -> dueDate.setEnabled(e.getValue() == PaymentTerms.ON_DATE && editable()));
        dueDate.setLabel(getTranslation("invoice.due-date"));
        dueDate.setEnabled(false);
        allowPartial.setLabel(getTranslation("invoice.allow-partial"));
        // The invoice-level discount, off the lines' total (the service and the calculator take it).
        discountKind.setLabel(getTranslation("crm.line.discount"));
        discountKind.setItems(DiscountKind.values());
        discountKind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("crm.discount." + k.name().toLowerCase(Locale.ROOT)));
        discountKind.setValue(DiscountKind.PERCENT);
        discountKind.addValueChangeListener(e -> showLines());
        discount.setLabel(getTranslation("crm.line.discount-value"));
        discount.setClearButtonVisible(true);
        discount.addValueChangeListener(e -> showLines());
        comments.setLabel(getTranslation("invoice.comments"));
        footer.setLabel(getTranslation("invoice.footer"));
        FormLayout form = new FormLayout(fromDeal, contact, company, buyerName, buyerEmail, language, currency, issueDate, terms, dueDate,
                allowPartial, discountKind, discount, comments, footer);

        lines.addColumn(LineItemDetails::name).setHeader(getTranslation("invoice.line.item")).setFlexGrow(1);
        lines.addColumn(l -> Formats.number(l.quantity().stripTrailingZeros(), getLocale()))
                .setHeader(getTranslation("crm.line.quantity")).setAutoWidth(true);
        lines.addColumn(l -> Formats.money(l.unitPrice(), getLocale())).setHeader(getTranslation("product.price"))
                .setAutoWidth(true);
        lines.addColumn(l -> Formats.money(l.net(), getLocale())).setHeader(getTranslation("invoice.line.amount"))
                .setAutoWidth(true);
        lines.addComponentColumn(this::lineActions).setAutoWidth(true).setFlexGrow(0);
        lines.setAllRowsVisible(true);
        // On a phone the item column is narrow: names wrap instead of ending in "Camer…".
        lines.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        linesError.addClassName("error-text");
        paymentsTitle.setText(getTranslation("inv13.invoice.payments"));
        paymentsTitle.addClassName("section-title");
        noPayments.setText(getTranslation("inv13.invoice.payments.none"));
        payments.addColumn(p -> Formats.date(p.date(), getLocale())).setKey("date").setHeader(getTranslation("invoice.payment.date"))
                .setAutoWidth(true);
        payments.addColumn(this::method).setKey("method").setHeader(getTranslation("invoice.payment.method")).setAutoWidth(true);
        payments.addColumn(p -> Formats.money(p.amount(), getLocale())).setKey("amount").setHeader(getTranslation("invoice.payment.amount"))
                .setAutoWidth(true);
        payments.addColumn(p -> p.reference() == null ? "" : p.reference()).setKey("reference")
                .setHeader(getTranslation("invoice.payment.reference")).setFlexGrow(1);
        payments.setAllRowsVisible(true);
        payments.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        picker = new LineItemPicker(products, this::addProduct, line -> addLine(line, -1));

        save.setText(getTranslation("invoice.save"));
        save.addClickListener(e -> save());
        send.setText(getTranslation("invoice.send"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> sendNow());
        recordPayment.setText(getTranslation("invoice.record-payment"));
        recordPayment.addClickListener(e -> paymentDialog().open());
        voidInvoice.setText(getTranslation("invoice.void"));
        voidInvoice.addThemeVariants(ButtonVariant.LUMO_ERROR);
        voidInvoice.addClickListener(e -> voidDialog().open());
        uncollectible.setText(getTranslation("invoice.uncollectible"));
        uncollectible.addClickListener(e -> act(() -> invoices.markUncollectible(current.id(), current.version())));
        resend.setText(getTranslation("inv13.invoice.resend"));
        resend.addClickListener(e -> new ResendDialog().open());
        history.setPadding(false);
        history.setSpacing(false);
        history.addClassName("invoice-history");
        add(new HorizontalLayout(title, status), form, lines, linesError, picker, totals, paymentsTitle, payments,
                noPayments, new HorizontalLayout(save, send, recordPayment, resend, voidInvoice, uncollectible), history);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("new");
        if ("new".equals(id)) {
            current = null;
            issueDate.setValue(calendar.today());
        } else {
            try {
                current = invoices.get(Long.parseLong(id));
            } catch (RuntimeException notThere) {
                event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
                return;
            }
            fill(current);
        }
        refreshState();
    }

    private void fill(InvoiceDetails invoice) {
        InvoiceHeader header = invoice.header();
        contact.setValue(header.contactId() == null ? null
                : contactsById(header.contactId()));
        company.clear();
        keptCompanyId = header.companyId();
        buyerName.setValue(header.buyerName());
        buyerEmail.setValue(header.buyerEmail());
        language.setValue(Messages.supported(header.locale()));
        currency.setCurrency(header.currency());
        issueDate.setValue(header.issueDate());
        terms.setValue(header.terms());
        dueDate.setValue(header.dueDate());
        allowPartial.setValue(header.allowPartialPayments());
        discountKind.setValue(header.discountKind() == null ? DiscountKind.PERCENT : header.discountKind());
        discount.setValue(header.discountValue() == null ? null : header.discountValue().stripTrailingZeros());
        comments.setValue(header.comments() == null ? "" : header.comments());
        footer.setValue(header.footer() == null ? "" : header.footer());
        draftLines.clear();
        invoice.lines().forEach(line -> draftLines.add(line.toDraft()));
    }

    private ContactSummary contactsById(long id) {
        return contactLookup.apply(id);
    }

    private boolean editable() {
        return editor && (current == null || current.editable());
    }

    private void refreshState() {
        boolean editable = editable();
        title.setText(current == null ? getTranslation("invoice.new")
                : current.number() == null ? getTranslation("invoice.draft-number")
                : getTranslation("invoice.buyer.title", current.number()));
        status.setText(current == null ? "" : getTranslation(current.status().messageKey())
                + (current.voidReason() == null ? "" : " — " + current.voidReason()));
        fromDeal.setVisible(editable && current == null);
        for (Component field : List.of(contact, company, buyerName, buyerEmail, language, currency, issueDate, terms, allowPartial,
                discountKind, discount, comments, footer)) {
            ((com.vaadin.flow.component.HasValue<?, ?>) field).setReadOnly(!editable);
        }
        dueDate.setEnabled(editable && terms.getValue() == PaymentTerms.ON_DATE);
        dueDate.setReadOnly(!editable);
        picker.setVisible(editable);
        save.setVisible(editable);
        send.setVisible(editable);
        boolean collectible = current != null && current.status().collectible();
        recordPayment.setVisible(collectible);
        voidInvoice.setVisible(collectible && editor);
        uncollectible.setVisible(collectible && editor);
        // Only while money is expected: a paid, void or written-off invoice needs no reminder of its link.
        resend.setVisible(collectible && editor);
        showHistory();
        showLines();
        showPayments();
    }

    private void showPayments() {
        boolean sent = current != null && !current.editable();
        List<InvoiceDetails.ReceivedPayment> received = sent ? current.payments() : List.of();
        paymentsTitle.setVisible(sent);
        payments.setItems(received);
        payments.setVisible(!received.isEmpty());
        noPayments.setVisible(sent && received.isEmpty());
    }

    /** A recorded payment by its kind (bank transfer, cash, cheque); one through Stripe as online, with its method. */
    private String method(InvoiceDetails.ReceivedPayment payment) {
        if (payment.manual()) {
            try {
                return getTranslation(ManualPaymentMethod.valueOf(payment.method()).messageKey());
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return payment.method() == null ? "" : payment.method();
            }
        }
        String online = getTranslation("inv13.invoice.payments.online");
        return payment.method() == null || payment.method().isBlank() ? online : online + " · " + payment.method();
    }

    private void showLines() {
        Currency chosen = currency.getCurrency();
        offerProducts(chosen);
        if (chosen == null) {
            lines.setItems(List.of());
            totals.setText("");
            return;
        }
        List<LineItemDetails> shown = new ArrayList<>();
        // Only a discount the service would take counts in the preview; a refused one is flagged on saving.
        java.math.BigDecimal shownDiscount = discountValue() == null || discountValue().signum() < 0
                || (discountKind.getValue() == DiscountKind.PERCENT && discountValue().compareTo(java.math.BigDecimal.valueOf(100)) > 0)
                ? null : discountValue();
        var calculated = InvoicePricing.totals(chosen, draftLines, shownDiscount == null ? null : discountKind.getValue(),
                shownDiscount);
        for (int i = 0; i < draftLines.size(); i++) {
            shown.add(LineItemDetails.of(i, draftLines.get(i), chosen, calculated.lines().get(i).net()));
        }
        lines.setItems(shown);
        // The invoice's own words (an invoice has no "quote discount"), in the buyer page's order.
        List<String> parts = new ArrayList<>();
        parts.add(amount("invoice.subtotal", calculated.subtotal()));
        if (!calculated.quoteDiscount().isZero()) {
            parts.add(amount("invoice.discount", calculated.quoteDiscount().negate()));
        }
        if (!calculated.taxAdded().isZero()) {
            parts.add(amount("invoice.tax", calculated.taxAdded()));
        }
        parts.add(amount("invoice.total", calculated.oneTimeTotal()));
        String text = String.join(" · ", parts);
        if (current != null && !current.editable()) {
            text += " · " + amount("invoice.amount-due", current.amountDue());
        }
        totals.setText(text);
    }

    private String amount(String labelKey, com.commercehub.base.money.Money money) {
        return getTranslation(labelKey) + ": " + Formats.money(money, getLocale());
    }

    /**
     * The library picker lists the active products priced in the invoice's currency; without one it has none to
     * offer (and without any items at all its drop-down would wait for them forever).
     */
    private void offerProducts(Currency chosen) {
        if (chosen == null) {
            picker.product.setItems(List.of());
        } else if (!chosen.equals(offeredCurrency)) {
            picker.offer(chosen);
        }
        offeredCurrency = chosen;
    }

    private Component lineActions(LineItemDetails line) {
        Button edit = new Button(getTranslation("crm.line.edit"), e ->
                new LineDialog(line, changed -> addLine(changed, line.index())).open());
        Button remove = new Button(getTranslation("invoice.line.remove"), e -> {
            draftLines.remove(line.index());
            showLines();
        });
        HorizontalLayout actions = new HorizontalLayout(edit, remove);
        actions.setVisible(editable());
        return actions;
    }

    private boolean addProduct(Long productId, BigDecimal quantity) {
        if (currency.getValue() == null) {
            showProblems(Map.of("currency", "invoice.currency.required"));
            return false;
        }
        try {
            draftLines.add(invoices.libraryLine(productId, quantity, currency.getCurrency()));
            showLines();
            return true;
        } catch (CrmValidationException e) {
            picker.product.setErrorMessage(getTranslation(e.problems().values().iterator().next()));
            picker.product.setInvalid(true);
            return false;
        }
    }

    /**
     * Takes a line from the line dialog. The lines live in the view until the draft is saved, so they are checked
     * here as the quote builder's are: a problem goes back to the dialog's field (CrmValidationException), and an
     * untouched discount value (the kind defaults to percent) means no discount.
     */
    private boolean addLine(LineItemDraft line, int index) {
        if (currency.getValue() == null) {
            showProblems(Map.of("currency", "invoice.currency.required"));
            return false;
        }
        LineItemRules.check(line, currency.getCurrency());
        if (index >= 0) {
            draftLines.set(index, line.normalized());
        } else {
            draftLines.add(line.normalized());
        }
        showLines();
        return true;
    }

    /** A contact the user chose fills in the buyer: name (their company's, if any), e-mail and language. */
    private void buyerFromContact(ContactSummary chosen) {
        buyerName.setValue(chosen.companyName() == null ? chosen.fullName() : chosen.companyName());
        buyerEmail.setValue(chosen.email());
        if (chosen.preferredLocale() != null) {
            language.setValue(Messages.supported(chosen.preferredLocale()));
        }
    }

    private void startFromDeal(long dealId) {
        clearProblems();
        try {
            InvoiceDetails created = invoices.createFromDeal(dealId);
            getUI().ifPresent(ui -> ui.navigate("invoices/" + created.id()));
        } catch (CrmValidationException e) {
            fromDeal.setErrorMessage(getTranslation(e.problems().values().iterator().next()));
            fromDeal.setInvalid(true);
        }
    }

    InvoiceHeader header() {
        return new InvoiceHeader(current == null ? null : current.header().dealId(),
                contact.getValue() == null ? null : contact.getValue().id(),
                company.getValue() == null ? keptCompanyId : Long.valueOf(company.getValue().id()), buyerName.getValue(), buyerEmail.getValue(),
                language.getValue(), currency.getCurrency(), issueDate.getValue(), terms.getValue(), dueDate.getValue(),
                discountValue() == null ? null : discountKind.getValue(), discountValue(), allowPartial.getValue(),
                comments.getValue(), footer.getValue());
    }

    /** Saves the draft; true when stored. */
    boolean save() {
        clearProblems();
        if (DateField.unreadable(issueDate, dueDate)) {
            return false;
        }
        try {
            current = current == null ? invoices.createDraft(header(), List.copyOf(draftLines))
                    : invoices.updateDraft(current.id(), current.version(), header(), List.copyOf(draftLines));
            notify(getTranslation("invoice.saved"), true);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, "invoices/" + current.id()));
            refreshState();
            return true;
        } catch (CrmValidationException e) {
            showProblems(e.problems());
            return false;
        }
    }

    private void sendNow() {
        if (save()) {
            act(() -> invoices.send(current.id(), current.version()));
        }
    }

    private void act(java.util.function.Supplier<InvoiceDetails> step) {
        try {
            current = step.get();
            fill(current);
            refreshState();
            notify(getTranslation("invoice.updated"), true);
        } catch (CrmValidationException e) {
            showProblems(e.problems());
        } catch (InvoiceTransitionException e) {
            notify(getTranslation("invoice.not-now"), false);
        }
    }

    private void showHistory() {
        history.removeAll();
        if (current == null || current.editable()) {
            return;
        }
        for (InvoiceHistoryEntry entry : invoices.history(current.id())) {
            String key = entry.kind() == InvoiceHistoryEntry.Kind.RESENT ? "inv13.invoice.history.resent"
                    : "inv13.invoice.history.sent";
            // Addresses are shown as text (a Span's text is never markup).
            history.add(new Span(getTranslation(key, entry.recipient(), entry.actor(),
                    Formats.dateTime(entry.at(), java.time.ZoneId.systemDefault(), getLocale()))));
        }
    }

    /**
     * Resend to the buyer or another address. The request key is made when the dialog opens, so a double click on
     * <em>Send again</em> is one request (one e-mail) and each new dialog a new e-mail.
     */
    class ResendDialog extends Dialog {

        final TextField recipient = new TextField(getTranslation("inv13.invoice.resend.recipient"));
        final Button confirm = new Button(getTranslation("inv13.invoice.resend.confirm"));
        private final String requestKey = java.util.UUID.randomUUID().toString();

        ResendDialog() {
            setHeaderTitle(getTranslation("inv13.invoice.resend"));
            recipient.setPlaceholder(current.header().buyerEmail());
            recipient.setHelperText(getTranslation("inv13.invoice.resend.recipient-help", current.header().buyerEmail()));
            recipient.setWidthFull();
            // Wide enough for the buyer's address shown as the placeholder; never wider than a phone.
            setWidth("28rem");
            setMaxWidth("100%");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            confirm.addClickListener(e -> {
                try {
                    current = invoices.resend(current.id(), recipient.getValue(), requestKey);
                    close();
                    refreshState();
                    InvoiceView.notify(getTranslation("inv13.invoice.resend.done"), true);
                } catch (CrmValidationException problem) {
                    recipient.setErrorMessage(getTranslation(problem.problems().get("recipient")));
                    recipient.setInvalid(true);
                } catch (InvoiceTransitionException notNow) {
                    close();
                    InvoiceView.notify(getTranslation("invoice.not-now"), false);
                }
            });
            add(recipient);
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
        }
    }

    private Dialog voidDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("invoice.void"));
        TextField reason = new TextField(getTranslation("invoice.void.reason"));
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("invoice.void"), e -> {
            try {
                current = invoices.voidInvoice(current.id(), current.version(), reason.getValue());
                dialog.close();
                refreshState();
            } catch (CrmValidationException problem) {
                reason.setErrorMessage(getTranslation(problem.problems().get("reason")));
                reason.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.add(reason);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        return dialog;
    }

    private Dialog paymentDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("invoice.record-payment"));
        Select<ManualPaymentMethod> method = new Select<>();
        method.setLabel(getTranslation("invoice.payment.method"));
        method.setItems(ManualPaymentMethod.values());
        method.setItemLabelGenerator(m -> getTranslation(m.messageKey()));
        method.setValue(ManualPaymentMethod.BANK_TRANSFER);
        DateField date = new DateField(getTranslation("invoice.payment.date"));
        date.setValue(calendar.today());
        BigDecimalField amount = new BigDecimalField(getTranslation("invoice.payment.amount"));
        amount.setValue(current.amountDue().amount());
        TextField reference = new TextField(getTranslation("invoice.payment.reference"));
        Map<String, HasValidation> fields = Map.of("method", method, "date", date, "amount", amount, "reference", reference);
        Button confirm = new Button(getTranslation("invoice.record-payment"), e -> {
            if (DateField.unreadable(date)) {
                return;
            }
            try {
                current = invoices.recordManualPayment(current.id(), current.version(),
                        new ManualPayment(method.getValue(), date.getValue(), amount.getValue(), reference.getValue()));
                dialog.close();
                refreshState();
            } catch (CrmValidationException problem) {
                problem.problems().forEach((field, key) -> {
                    HasValidation target = fields.getOrDefault(field, amount);
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(method, date, amount, reference));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        return dialog;
    }

    private Map<String, HasValidation> fields() {
        return Map.ofEntries(Map.entry("deal", fromDeal), Map.entry("buyerName", buyerName),
                Map.entry("buyerEmail", buyerEmail), Map.entry("locale", language), Map.entry("currency", currency),
                Map.entry("issueDate", issueDate), Map.entry("terms", terms), Map.entry("dueDate", dueDate),
                Map.entry("discount", discount), Map.entry("comments", comments), Map.entry("footer", footer));
    }

    /** The discount as entered; none when empty or zero. */
    private java.math.BigDecimal discountValue() {
        java.math.BigDecimal value = discount.getValue();
        return value == null || value.signum() == 0 ? null : value;
    }

    private void clearProblems() {
        fields().values().forEach(field -> field.setInvalid(false));
        linesError.setText("");
    }

    private void showProblems(Map<String, String> problems) {
        problems.forEach((field, key) -> {
            HasValidation target = fields().get(field);
            if (target == null) {
                linesError.setText(getTranslation(key));
            } else {
                target.setErrorMessage(getTranslation(key));
                target.setInvalid(true);
            }
        });
    }

    private static void notify(String message, boolean success) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invoice.nav");
    }
}
