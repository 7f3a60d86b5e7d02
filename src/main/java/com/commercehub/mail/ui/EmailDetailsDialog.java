package com.commercehub.mail.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.mail.EmailDetails;
import com.commercehub.mail.EmailMessages;
import com.commercehub.mail.EmailStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One message: its headers, the HTML exactly as sent (in a sandboxed frame: no scripts, no same-origin access —
 * the HTML is ours, but carries text buyers typed), attachments, the attempt log, and Retry for a FAILED one.
 */
class EmailDetailsDialog extends Dialog {

    final FormLayout facts = new FormLayout();
    final Span status = new Span();
    final Span lastError = new Span();
    final IFrame preview = new IFrame();
    final Pre text = new Pre();
    final UnorderedList attachments = new UnorderedList();
    final Paragraph noAttachments = new Paragraph();
    final Grid<EmailDetails.Attempt> attempts = new Grid<>();
    final Button retry = new Button();
    final Button close = new Button();

    private final EmailMessages messages;
    private final long id;
    private final Runnable changed;

    EmailDetailsDialog(EmailMessages messages, long id, Runnable changed) {
        this.messages = messages;
        this.id = id;
        this.changed = changed;
        setWidth("min(60rem, 95vw)");
        setHeight("90vh");

        preview.setSandbox(IFrame.SandboxType.RESTRICT_ALL);
        preview.setWidthFull();
        preview.setHeight("28rem");
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "white");
        preview.setAriaLabel(getTranslation("mail.details.preview"));
        text.getStyle().set("white-space", "pre-wrap");

        attempts.addColumn(a -> time(a.at())).setHeader(getTranslation("mail.attempt.time")).setAutoWidth(true);
        attempts.addColumn(a -> getTranslation(a.sent() ? "mail.attempt.sent" : "mail.attempt.error"))
                .setHeader(getTranslation("mail.attempt.outcome")).setAutoWidth(true);
        attempts.addColumn(a -> a.error() == null ? "" : a.error()).setHeader(getTranslation("mail.attempt.error"))
                .setFlexGrow(3);
        attempts.addColumn(a -> getTranslation("mail.attempt.duration.value", String.valueOf(a.durationMs())))
                .setHeader(getTranslation("mail.attempt.duration")).setAutoWidth(true);
        attempts.setEmptyStateText(getTranslation("mail.details.no-attempts"));
        attempts.setAllRowsVisible(true);

        retry.setText(getTranslation("mail.retry"));
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retry.addClickListener(e -> retry());
        close.setText(getTranslation("action.close"));
        close.addClickListener(e -> close());
        getFooter().add(retry, close);

        Details plain = new Details(getTranslation("mail.details.text"), text);
        add(new VerticalLayout(facts, new H4(getTranslation("mail.details.attachments")), noAttachments, attachments,
                new H4(getTranslation("mail.details.preview")), preview, plain,
                new H4(getTranslation("mail.details.attempts")), attempts));
        load();
    }

    private void load() {
        var found = messages.details(id);
        if (found.isEmpty()) {
            setHeaderTitle(getTranslation("mail.not-found"));
            retry.setVisible(false);
            return;
        }
        EmailDetails email = found.get();
        setHeaderTitle(getTranslation("mail.details.title", email.recipient()));
        facts.removeAll();
        status.setText(getTranslation(email.status().messageKey()));
        lastError.setText(email.lastError() == null ? "" : email.lastError());
        facts.addFormItem(new Span(email.subject()), getTranslation("mail.details.subject"));
        facts.addFormItem(new Span(email.kind()), getTranslation("mail.column.kind"));
        facts.addFormItem(new Span(email.locale().getDisplayName(getLocale())), getTranslation("mail.details.language"));
        facts.addFormItem(status, getTranslation("mail.column.status"));
        facts.addFormItem(new Span(String.valueOf(email.attempts())), getTranslation("mail.column.attempts"));
        facts.addFormItem(new Span(time(email.createdAt())), getTranslation("mail.column.created"));
        if (email.nextAttemptAt() != null) {
            facts.addFormItem(new Span(time(email.nextAttemptAt())), getTranslation("mail.details.next-attempt"));
        }
        if (email.sentAt() != null) {
            facts.addFormItem(new Span(time(email.sentAt())), getTranslation("mail.details.sent"));
        }
        if (email.lastError() != null && email.status() != EmailStatus.SENT) {
            facts.addFormItem(lastError, getTranslation("mail.details.last-error"));
        }

        attachments.removeAll();
        for (EmailDetails.Attachment attachment : email.attachments()) {
            BigDecimal kilobytes = BigDecimal.valueOf(attachment.sizeBytes())
                    .divide(BigDecimal.valueOf(1024), 1, RoundingMode.HALF_UP);
            attachments.add(new ListItem(getTranslation("mail.details.attachment", attachment.fileName(),
                    attachment.contentType(), Formats.number(kilobytes, getLocale()))));
        }
        noAttachments.setText(getTranslation("mail.details.no-attachments"));
        noAttachments.setVisible(email.attachments().isEmpty());
        preview.setSrcdoc(email.html());
        text.setText(email.text());
        // One message's log: a day of retries is about 30 rows, so it comes whole with the details.
        attempts.setItems(email.attemptLog());
        retry.setVisible(email.status() == EmailStatus.FAILED);
    }

    private void retry() {
        boolean done = messages.retry(id);
        Notification.show(getTranslation(done ? "mail.retry.done" : "mail.retry.not-failed"), 5000,
                        Notification.Position.BOTTOM_START)
                .addThemeVariants(done ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_CONTRAST);
        load();
        changed.run();
    }

    private String time(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, ZoneId.systemDefault(), getLocale());
    }
}
