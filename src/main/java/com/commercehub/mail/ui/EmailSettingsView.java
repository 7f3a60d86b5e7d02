package com.commercehub.mail.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.mail.EmailListEntry;
import com.commercehub.mail.EmailMessages;
import com.commercehub.mail.EmailStatus;
import com.commercehub.mail.SmtpStatus;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Settings → Email (ADMIN): whether an SMTP server is configured, and every message of the outbox with its
 * status; a message opens with its rendered content, attachments and attempt log.
 */
@Route("settings/email")
@Menu(order = 82, icon = "vaadin:envelope", title = "mail.nav")
@RolesAllowed(Role.Names.ADMIN)
public class EmailSettingsView extends VerticalLayout implements HasDynamicTitle {

    final Span smtpBadge = new Span();
    final Paragraph smtpDetail = new Paragraph();
    final Select<EmailStatus> status = new Select<>();
    final Grid<EmailListEntry> grid = new Grid<>();

    private final EmailMessages messages;

    EmailSettingsView(EmailMessages messages) {
        this.messages = messages;
        setSizeFull();
        showSmtp(messages.smtp());

        status.setLabel(getTranslation("mail.column.status"));
        status.setItems(EmailStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("filter.all") : getTranslation(s.messageKey()));
        status.addValueChangeListener(e -> refresh());

        grid.addColumn(EmailListEntry::recipient).setHeader(getTranslation("mail.column.recipient")).setAutoWidth(true);
        grid.addColumn(EmailListEntry::subject).setHeader(getTranslation("mail.column.subject")).setFlexGrow(2);
        grid.addColumn(EmailListEntry::kind).setHeader(getTranslation("mail.column.kind")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation(e.status().messageKey())).setKey("status")
                .setHeader(getTranslation("mail.column.status")).setAutoWidth(true);
        grid.addColumn(EmailListEntry::attempts).setHeader(getTranslation("mail.column.attempts"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(e -> time(e.createdAt())).setHeader(getTranslation("mail.column.created")).setAutoWidth(true);
        grid.addColumn(e -> time(e.lastAttemptAt())).setHeader(getTranslation("mail.column.last-attempt"))
                .setAutoWidth(true);
        grid.setItems(q -> messages.page(status.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> messages.count(status.getValue()));
        grid.setEmptyStateText(getTranslation("mail.empty"));
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setSizeFull();

        add(new H2(getTranslation("mail.heading")), smtpBadge, smtpDetail, status, grid);
    }

    private void showSmtp(SmtpStatus smtp) {
        var theme = smtpBadge.getElement().getThemeList();
        theme.clear();
        if (smtp.configured()) {
            theme.add("badge success");
            smtpBadge.setText(getTranslation("mail.smtp.configured"));
            String security = getTranslation("mail.security." + smtp.security().toLowerCase(java.util.Locale.ROOT));
            String detail = getTranslation("mail.smtp.configured.detail", smtp.host(), String.valueOf(smtp.port()),
                    security, smtp.from());
            if (smtp.user() != null) {
                detail += " " + getTranslation("mail.smtp.login", smtp.user());
            }
            smtpDetail.setText(detail);
        } else if (smtp.problem() != null) {
            theme.add("badge error");
            smtpBadge.setText(getTranslation("mail.smtp.problem"));
            smtpDetail.setText(getTranslation(smtp.problem() == SmtpStatus.Problem.FROM_MISSING
                    ? "mail.smtp.from-missing" : "mail.smtp.from-invalid"));
        } else {
            theme.add("badge contrast");
            smtpBadge.setText(getTranslation("mail.smtp.not-configured"));
            smtpDetail.setText(getTranslation("mail.smtp.not-configured.detail"));
        }
    }

    void open(long id) {
        new EmailDetailsDialog(messages, id, this::refresh).open();
    }

    String time(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, ZoneId.systemDefault(), getLocale());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("mail.heading");
    }
}
