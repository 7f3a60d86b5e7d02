package com.commercehub.automation.ui;

import com.commercehub.automation.AutomationSettings;
import com.commercehub.automation.WebhookEndpointService;
import com.commercehub.automation.WorkflowService;
import com.commercehub.automation.WorkflowValidationException;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Instant;
import java.util.Map;

/**
 * Settings → Webhooks (ADMIN): endpoints that workflows post signed events to, each with its secret (shown once
 * when made, revealed again on request); the chosen endpoint's delivery log (status, response code, attempts)
 * with each attempt's code, duration and body excerpt, and Resend.
 */
@Route("settings/webhooks")
@Menu(order = 84, icon = "vaadin:connect", title = "webhooks.out.nav")
@RolesAllowed(Role.Names.ADMIN)
public class WebhookEndpointsView extends VerticalLayout implements HasDynamicTitle {

    final TextField name = new TextField();
    final TextField url = new TextField();
    final Button add = new Button();
    final Paragraph secret = new Paragraph();
    final Checkbox allowPrivate = new Checkbox();
    final Grid<WebhookEndpointService.Endpoint> endpoints = new Grid<>();
    final Grid<WebhookEndpointService.Delivery> deliveries = new Grid<>();
    final Grid<WebhookEndpointService.Attempt> attempts = new Grid<>();

    private final WebhookEndpointService webhooks;
    private final WorkflowService workflows;
    private WebhookEndpointService.Endpoint selected;

    WebhookEndpointsView(WebhookEndpointService webhooks, WorkflowService workflows) {
        this.webhooks = webhooks;
        this.workflows = workflows;
        setSizeFull();
        name.setLabel(getTranslation("webhooks.out.name"));
        name.setMaxLength(200);
        url.setLabel(getTranslation("webhooks.out.url"));
        url.setPlaceholder("https://tools.example.com/hooks/commerce");
        url.setWidth("28em");
        add.setText(getTranslation("webhooks.out.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> addEndpoint());
        secret.setVisible(false);
        allowPrivate.setLabel(getTranslation("webhooks.out.allow-private"));
        allowPrivate.setValue(workflows.settings().allowPrivateWebhooks());
        allowPrivate.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                AutomationSettings s = workflows.settings();
                workflows.updateSettings(new AutomationSettings(s.timeZone(), s.sendHour(), e.getValue()));
            }
        });

        endpoints.addColumn(WebhookEndpointService.Endpoint::name).setHeader(getTranslation("webhooks.out.name"))
                .setAutoWidth(true);
        endpoints.addColumn(WebhookEndpointService.Endpoint::url).setHeader(getTranslation("webhooks.out.url"))
                .setFlexGrow(2);
        endpoints.addColumn(e -> "••••" + e.secretLastFour()).setHeader(getTranslation("webhooks.out.secret"))
                .setAutoWidth(true);
        endpoints.addComponentColumn(e -> new Button(getTranslation("webhooks.out.reveal"), click ->
                showSecret(webhooks.secret(e.id()).orElse("")))).setAutoWidth(true);
        endpoints.addComponentColumn(e -> {
            Button remove = new Button(getTranslation("webhooks.out.delete"), click -> {
                webhooks.delete(e.id());
                refreshEndpoints();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true);
        endpoints.setAllRowsVisible(true);
        endpoints.setEmptyStateText(getTranslation("webhooks.out.empty"));
        endpoints.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));

        deliveries.addColumn(WebhookEndpointService.Delivery::eventType).setHeader(getTranslation("webhooks.out.type"))
                .setAutoWidth(true);
        deliveries.addColumn(WebhookEndpointService.Delivery::eventId).setHeader(getTranslation("webhooks.out.event"))
                .setAutoWidth(true);
        deliveries.addColumn(d -> getTranslation("webhooks.out.status." + d.status())).setKey("status")
                .setHeader(getTranslation("webhooks.out.status")).setAutoWidth(true);
        deliveries.addColumn(d -> d.lastStatusCode() == null ? "" : String.valueOf(d.lastStatusCode())).setKey("code")
                .setHeader(getTranslation("webhooks.out.code")).setAutoWidth(true);
        deliveries.addColumn(WebhookEndpointService.Delivery::attempts).setHeader(getTranslation("webhooks.out.attempts"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        deliveries.addColumn(d -> time(d.createdAt())).setHeader(getTranslation("webhooks.out.created")).setAutoWidth(true);
        deliveries.addComponentColumn(d -> new Button(getTranslation("webhooks.out.resend"), click -> {
            webhooks.resend(d.id());
            deliveries.getDataProvider().refreshAll();
        })).setKey("resend").setAutoWidth(true);
        deliveries.setItems(q -> selected == null ? java.util.stream.Stream.empty()
                : webhooks.deliveries(selected.id(), q.getOffset(), q.getLimit()).stream(),
                q -> selected == null ? 0 : webhooks.countDeliveries(selected.id()));
        deliveries.asSingleSelect().addValueChangeListener(e -> attempts.setItems(
                e.getValue() == null ? java.util.List.of() : webhooks.attempts(e.getValue().id())));
        deliveries.setEmptyStateText(getTranslation("webhooks.out.no-deliveries"));

        attempts.addColumn(a -> time(a.at())).setHeader(getTranslation("webhooks.out.attempted")).setAutoWidth(true);
        attempts.addColumn(a -> a.statusCode() == null ? "" : String.valueOf(a.statusCode()))
                .setHeader(getTranslation("webhooks.out.code")).setAutoWidth(true);
        attempts.addColumn(a -> getTranslation("webhooks.out.duration", a.durationMs()))
                .setHeader(getTranslation("webhooks.out.duration.header")).setAutoWidth(true);
        attempts.addColumn(a -> a.error() != null ? a.error() : a.bodyExcerpt() == null ? "" : a.bodyExcerpt())
                .setHeader(getTranslation("webhooks.out.excerpt")).setFlexGrow(2);
        attempts.setAllRowsVisible(true);

        add.addClassName("list-primary");
        HorizontalLayout form = new HorizontalLayout(name, url, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("webhooks.out.heading")), new Paragraph(getTranslation("webhooks.out.intro")), form,
                secret, allowPrivate, endpoints, new H3(getTranslation("webhooks.out.deliveries")), deliveries, attempts);
        refreshEndpoints();
    }

    void addEndpoint() {
        try {
            WebhookEndpointService.Created created = webhooks.create(name.getValue(), url.getValue());
            name.setInvalid(false);
            url.setInvalid(false);
            name.clear();
            url.clear();
            showSecret(created.secret());
            refreshEndpoints();
        } catch (WorkflowValidationException refused) {
            Problems.show(refused, Map.of("name", name, "url", url), this::getTranslation);
        }
    }

    private void showSecret(String value) {
        secret.setText(getTranslation("webhooks.out.secret.shown", value));
        secret.setVisible(true);
    }

    private void refreshEndpoints() {
        endpoints.setItems(webhooks.endpoints());
    }

    private void select(WebhookEndpointService.Endpoint endpoint) {
        selected = endpoint;
        deliveries.getDataProvider().refreshAll();
        attempts.setItems(java.util.List.of());
    }

    private String time(Instant instant) {
        return instant == null ? "" : Formats.dateTime(instant, java.time.ZoneId.systemDefault(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("webhooks.out.heading");
    }
}
