package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.quote.QuoteActivityService;
import com.commercehub.quote.QuoteDelivery;
import com.commercehub.quote.QuoteDetails;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The review step before publishing: the draft exactly as the buyer will see it (the buyer template, framed),
 * whom it goes to, until when, and what the buyer is asked to do (sign, pay). Publishing happens only on
 * confirmation; then the same dialog offers sending it by e-mail and copying the link.
 */
class PublishReview extends Dialog {

    final IFrame preview = new IFrame();
    final Span recipient = new Span();
    final Span expiry = new Span();
    final Span language = new Span();
    final Span signature = new Span();
    final Span payment = new Span();
    final Button confirm = new Button();
    final Button cancel = new Button();

    final Span published = new Span();
    final Checkbox attachPdf = new Checkbox();
    final Button sendEmail = new Button();
    final Button copyLink = new Button();
    final Button close = new Button();

    final VerticalLayout afterPublishing;
    private final QuoteDetails quote;
    private String link;

    /**
     * @param publish publishes and answers the buyer link's absolute address, or nothing when it was refused
     *                (the builder then shows why)
     */
    PublishReview(QuoteDetails quote, Map<String, String> staffNames, Supplier<Optional<String>> publish,
                  QuoteDelivery delivery) {
        this.quote = quote;
        addClassName("quote-review");
        setHeaderTitle(getTranslation("review.title", quote.number()));
        preview.setSrc(QuoteActivityService.draftPreviewPath(quote.id()) + "?row=" + quote.version());
        preview.setWidth("min(900px, 90vw)");
        preview.setHeight("60vh");
        preview.getElement().getStyle().set("border", "1px solid var(--lumo-contrast-10pct)");
        preview.addClassName("quote-review-preview");

        var buyer = quote.dealContacts().stream().filter(c -> quote.contactId() != null && c.id() == quote.contactId())
                .findFirst();
        recipient.setText(buyer.map(c -> getTranslation("review.to", c.fullName(), c.email()))
                .orElse(getTranslation("review.to.none")));
        expiry.setText(getTranslation("review.expires", Formats.date(quote.expiresOn(), getLocale())));
        language.setText(getTranslation("review.language", Messages.languageName(quote.locale())));
        signature.setText(!quote.requireSignature() ? getTranslation("review.signature.none")
                : quote.countersigner() == null ? getTranslation("review.signature.buyer")
                : getTranslation("review.signature.countersigned",
                staffNames.getOrDefault(quote.countersigner(), quote.countersigner())));
        payment.setText(getTranslation(quote.collectPayment() ? "review.payment.collect" : "review.payment.none",
                Formats.money(quote.totals().firstPayment(), getLocale())));
        VerticalLayout facts = new VerticalLayout(recipient, expiry, language, signature, payment);
        facts.setPadding(false);
        facts.setSpacing(false);
        facts.addClassName("quote-review-facts");
        FlexLayout body = new FlexLayout(facts, preview);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-m)");

        published.addClassName("quote-review-published");
        attachPdf.setLabel(getTranslation("review.attach-pdf"));
        attachPdf.setValue(true);
        sendEmail.setText(getTranslation("review.send"));
        sendEmail.setIcon(VaadinIcon.ENVELOPE.create());
        sendEmail.setId("quote-review-send");
        sendEmail.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sendEmail.setEnabled(buyer.isPresent());
        sendEmail.setDisableOnClick(true);
        sendEmail.addClickListener(e -> send(delivery));
        copyLink.setText(getTranslation("quote.link.copy"));
        copyLink.setIcon(VaadinIcon.LINK.create());
        copyLink.addClickListener(e -> copy());
        afterPublishing = new VerticalLayout(published, new Div(attachPdf), new FlexLayout(sendEmail, copyLink));
        afterPublishing.setPadding(false);
        afterPublishing.setVisible(false);
        add(body, afterPublishing);

        confirm.setText(getTranslation("review.confirm"));
        confirm.setId("quote-review-publish");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setDisableOnClick(true);
        confirm.addClickListener(e -> publish.get().ifPresentOrElse(this::showPublished, this::close));
        cancel.setText(getTranslation("review.cancel"));
        cancel.addClickListener(e -> close());
        close.setText(getTranslation("quote.activity.close"));
        close.setId("quote-review-close");
        close.setVisible(false);
        close.addClickListener(e -> close());
        getFooter().add(cancel, confirm, close);
    }

    private void showPublished(String address) {
        link = address;
        setHeaderTitle(getTranslation("review.published.title", quote.number()));
        published.setText(getTranslation("review.published", address));
        afterPublishing.setVisible(true);
        // Reviewed and published: the preview (60 % of the window) would push Send by email and Copy link below
        // the fold of a laptop's screen, where nobody sees that the next step is waiting.
        preview.setVisible(false);
        confirm.setVisible(false);
        cancel.setVisible(false);
        close.setVisible(true);
    }

    private void send(QuoteDelivery delivery) {
        try {
            QuoteDelivery.Sent sent = delivery.sendToBuyer(quote.id(), attachPdf.getValue(), link);
            QuoteActions.notify(getTranslation("review.sent", sent.recipient()), true);
        } catch (IllegalStateException impossible) {
            sendEmail.setEnabled(true);
            QuoteActions.notify(getTranslation("review.send.impossible"), false);
        }
    }

    private void copy() {
        UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", link);
        QuoteActions.notify(getTranslation("quote.link.copied", link), true);
    }

    /** The address shown after publishing (for tests and the copy button). */
    String link() {
        return link;
    }
}
