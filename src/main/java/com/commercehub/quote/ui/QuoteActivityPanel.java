package com.commercehub.quote.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Actors;
import com.commercehub.quote.BuyerQuote;
import com.commercehub.quote.QuoteActivityService;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.quote.QuoteSignature;
import com.commercehub.quote.QuoteTimelineEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.VaadinRequest;

import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The builder's view of what the buyer sees and did: a preview of the published version (the buyer
 * page itself, framed), its PDF, the signatures with the countersign action, the timeline, and
 * switching the links off when one went to the wrong person.
 */
class QuoteActivityPanel extends VerticalLayout {

    final Button preview = new Button();
    final Anchor pdf = new Anchor();
    final Div signatures = new Div();
    final Button countersign = new Button();
    final OrderedList timeline = new OrderedList();
    final Button disableLinks = new Button();

    private final QuoteActivityService activity;
    private final boolean mayEdit;
    private final Consumer<Long> changed;
    private QuoteDetails quote;

    QuoteActivityPanel(QuoteActivityService activity, boolean mayEdit, Consumer<Long> changed) {
        this.activity = activity;
        this.mayEdit = mayEdit;
        this.changed = changed;
        setPadding(false);
        addClassName("quote-activity");
        preview.setText(getTranslation("quote.activity.preview"));
        preview.addClickListener(e -> openPreview());
        pdf.setText(getTranslation("quote.activity.pdf"));
        pdf.setRouterIgnore(true);
        pdf.getElement().setAttribute("download", true);
        countersign.setText(getTranslation("quote.activity.countersign"));
        countersign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        countersign.addClickListener(e -> confirmCountersign());
        disableLinks.setText(getTranslation("quote.activity.disable-links"));
        disableLinks.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        disableLinks.addClickListener(e -> confirmDisableLinks());
        timeline.addClassName("quote-timeline");
        add(new H3(getTranslation("quote.activity.title")), new HorizontalLayout(preview, pdf), signatures,
                countersign, new H3(getTranslation("quote.activity.timeline")), timeline, disableLinks);
    }

    void show(QuoteDetails details) {
        quote = details;
        boolean published = details.publishedVersion() > 0;
        setVisible(published);
        if (!published) {
            return;
        }
        pdf.setHref(QuoteActivityService.documentsPath(details.id(), details.publishedVersion()) + "/pdf");
        Optional<BuyerQuote> version = activity.version(details.id(), details.publishedVersion());
        signatures.removeAll();
        List<QuoteSignature> signed = version.map(BuyerQuote::signatures).orElse(List.of());
        if (signed.isEmpty()) {
            signatures.add(new Span(getTranslation(details.requireSignature() ? "quote.activity.no-signatures"
                    : "quote.activity.no-signature-required")));
        }
        signed.forEach(signature -> signatures.add(signatureCard(signature)));
        boolean mine = details.countersigner() != null && details.countersigner().equalsIgnoreCase(Actors.current());
        countersign.setVisible(mayEdit && mine && version.map(BuyerQuote::awaitsCountersignature).orElse(false));
        disableLinks.setVisible(mayEdit);
        timeline.removeAll();
        List<QuoteTimelineEntry> entries = activity.timeline(details.id());
        if (entries.isEmpty()) {
            timeline.add(new ListItem(getTranslation("quote.activity.timeline.empty")));
        }
        for (QuoteTimelineEntry entry : entries.reversed()) {
            String when = Formats.dateTime(entry.at(), ZoneOffset.UTC, getLocale()) + " UTC";
            timeline.add(new ListItem(getTranslation("quote.activity.timeline.entry", getTranslation(entry.kind().messageKey()),
                    entry.version(), when, entry.actor() == null ? "—" : entry.actor())));
        }
    }

    private Div signatureCard(QuoteSignature signature) {
        Div card = new Div();
        card.addClassName("quote-signature");
        if (signature.drawn()) {
            Image image = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(signature.drawnPng()),
                    getTranslation("buyer.signature.image", signature.name()));
            image.setMaxHeight("80px");
            card.add(image);
        }
        card.add(new Div(getTranslation("buyer.banner.signed",
                getTranslation("buyer.signature.role." + signature.role().name().toLowerCase(java.util.Locale.ROOT)),
                signature.name() + " <" + signature.email() + ">",
                Formats.dateTime(signature.signedAt(), ZoneOffset.UTC, getLocale()) + " UTC")));
        return card;
    }

    private void openPreview() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("quote.activity.preview.title", quote.number(), quote.publishedVersion()));
        IFrame frame = new IFrame(QuoteActivityService.documentsPath(quote.id(), quote.publishedVersion()) + "/preview");
        frame.setWidth("min(1000px, 92vw)");
        frame.setHeight("75vh");
        frame.getElement().getStyle().set("border", "none");
        dialog.add(frame);
        dialog.getFooter().add(new Button(getTranslation("quote.activity.close"), e -> dialog.close()));
        dialog.open();
    }

    private void confirmCountersign() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("quote.activity.countersign"));
        confirm.setText(getTranslation("quote.activity.countersign.confirm", quote.number()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("quote.activity.cancel"));
        confirm.setConfirmText(getTranslation("quote.activity.countersign"));
        confirm.addConfirmListener(e -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            activity.countersign(quote.id(), quote.version(), request == null ? null : request.getRemoteAddr(),
                    request == null ? null : request.getHeader("User-Agent"));
            QuoteActions.notify(getTranslation("quote.activity.countersigned"), true);
            changed.accept(quote.id());
        });
        confirm.open();
    }

    private void confirmDisableLinks() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("quote.activity.disable-links"));
        confirm.setText(getTranslation("quote.activity.disable-links.confirm"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("quote.activity.cancel"));
        confirm.setConfirmText(getTranslation("quote.activity.disable-links"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            activity.disableLinks(quote.id(), quote.version());
            QuoteActions.notify(getTranslation("quote.activity.links-disabled"), true);
            changed.accept(quote.id());
        });
        confirm.open();
    }
}
