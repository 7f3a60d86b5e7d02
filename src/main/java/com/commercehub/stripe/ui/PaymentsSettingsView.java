package com.commercehub.stripe.ui;

import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.base.ui.CurrentUser;
import com.commercehub.stripe.StripeConnectionException;
import com.commercehub.stripe.StripeConnectionInfo;
import com.commercehub.stripe.StripeConnectionService;
import com.commercehub.stripe.StripeEventService;
import com.commercehub.stripe.StripeStatus;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * ADMIN: connect the business's Stripe account, see whether it can take payments, disconnect it; below, how
 * Stripe's events are processed and what the reconciler found ({@link StripeEventsSection}).
 */
@Route("settings/payments")
@Menu(order = 80, icon = "vaadin:credit-card", title = "payments.nav")
@RolesAllowed(Role.Names.ADMIN)
public class PaymentsSettingsView extends VerticalLayout implements HasDynamicTitle {

    final Span mode = new Span();
    final Span status = new Span();
    final Paragraph notConnected = new Paragraph();
    final Paragraph environmentKey = new Paragraph();
    final Paragraph secretsUnreadable = new Paragraph();
    final Paragraph sandboxNote = new Paragraph();
    final FormLayout account = new FormLayout();
    final Span accountName = new Span();
    final Span accountId = new Span();
    final Span accountCountry = new Span();
    final Span accountCurrency = new Span();
    final Span chargesEnabled = new Span();
    final Span payoutsEnabled = new Span();
    final Span apiKeyLast4 = new Span();
    final Paragraph requirements = new Paragraph();
    final Paragraph currencies = new Paragraph();

    final ComboBox<String> country = new ComboBox<>();
    final Checkbox terms = new Checkbox();
    final PasswordField apiKey = new PasswordField();
    final Button connect = new Button();
    final Div connectSection = new Div();

    final Span webhookUrl = new Span();
    final Paragraph webhookState = new Paragraph();
    final PasswordField webhookSecret = new PasswordField();
    final Button saveWebhookSecret = new Button();

    final Button disconnect = new Button();
    final Button useSandbox = new Button();
    final Button refresh = new Button();
    final StripeEventsSection events;

    private final StripeConnectionService service;
    private final CurrentUser currentUser;
    private final BackgroundJobs jobs;
    /** The Stripe call in flight, for tests to wait on. */
    CompletableFuture<StripeConnectionInfo> running = CompletableFuture.completedFuture(null);

    PaymentsSettingsView(StripeConnectionService service, StripeEventService eventService, CurrentUser currentUser,
                         BackgroundJobs jobs) {
        this.jobs = jobs;
        this.service = service;
        this.currentUser = currentUser;
        setMaxWidth("56rem");

        status.getElement().getThemeList().add("badge");
        mode.getElement().getThemeList().add("badge");
        secretsUnreadable.setText(getTranslation("payments.secrets-unreadable"));
        secretsUnreadable.getStyle().set("color", "var(--lumo-error-text-color)");
        events = new StripeEventsSection(eventService, jobs);
        account.addFormItem(accountName, getTranslation("payments.account.name"));
        account.addFormItem(accountId, getTranslation("payments.account.id"));
        account.addFormItem(accountCountry, getTranslation("payments.account.country"));
        account.addFormItem(accountCurrency, getTranslation("payments.account.currency"));
        account.addFormItem(chargesEnabled, getTranslation("payments.account.charges"));
        account.addFormItem(payoutsEnabled, getTranslation("payments.account.payouts"));
        account.addFormItem(apiKeyLast4, getTranslation("payments.account.key"));

        country.setLabel(getTranslation("payments.connect.country"));
        country.setItems(Arrays.stream(Locale.getISOCountries()).sorted(Comparator.comparing(this::countryName)).toList());
        country.setItemLabelGenerator(this::countryName);
        country.setRequired(true);
        terms.setLabel(getTranslation("payments.connect.terms"));
        apiKey.setLabel(getTranslation("payments.connect.key"));
        apiKey.setWidthFull();
        apiKey.setRevealButtonVisible(false);
        connect.setText(getTranslation("payments.connect.button"));
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        connect.addClickListener(e -> connect());

        webhookSecret.setLabel(getTranslation("payments.webhook.secret"));
        webhookSecret.setRevealButtonVisible(false);
        saveWebhookSecret.setText(getTranslation("payments.webhook.save"));
        saveWebhookSecret.addClickListener(e -> saveWebhookSecret());

        disconnect.setText(getTranslation("payments.disconnect"));
        disconnect.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disconnect.addClickListener(e -> inBackground(disconnect, service::disconnect, null));
        useSandbox.setText(getTranslation("payments.use-sandbox"));
        useSandbox.addClickListener(e -> inBackground(useSandbox, service::useSandbox, null));
        refresh.setText(getTranslation("payments.refresh"));
        refresh.addClickListener(e -> inBackground(refresh, service::refresh, null));

        connectSection.add(new H3(getTranslation("payments.connect.heading")),
                new Paragraph(getTranslation("payments.connect.intro")), country, terms, apiKey, connect);
        add(new H2(getTranslation("payments.account.heading")), new HorizontalLayout(mode, status), notConnected,
                environmentKey, secretsUnreadable, sandboxNote, account,
                requirements, currencies,
                new HorizontalLayout(refresh, disconnect, useSandbox),
                new H3(getTranslation("payments.webhook.heading")),
                new Div(new Span(getTranslation("payments.webhook.url") + ": "), webhookUrl), webhookState,
                new HorizontalLayout(webhookSecret, saveWebhookSecret),
                connectSection, events);
        show(service.current());
    }

    private String countryName(String code) {
        return Locale.of("", code).getDisplayCountry(getLocale());
    }

    private void connect() {
        apiKey.setInvalid(false);
        terms.setInvalid(false);
        country.setInvalid(false);
        if (country.isEmpty()) {
            country.setErrorMessage(getTranslation("payments.error.country-required"));
            country.setInvalid(true);
            return;
        }
        String chosenCountry = country.getValue();
        boolean accepted = terms.getValue();
        String key = apiKey.getValue();
        String admin = currentUser.email().orElse(null);
        inBackground(connect, () -> service.connect(chosenCountry, accepted, key, admin), this::connectFailed);
    }

    /**
     * Every action here talks to Stripe (timeouts, retries), so it runs off the UI thread as the signed-in
     * admin while the page polls; the button stays disabled until the answer is shown.
     */
    private void inBackground(Button trigger, Supplier<StripeConnectionInfo> call,
                              Consumer<StripeConnectionException> onRefused) {
        UI ui = UI.getCurrent();
        trigger.setEnabled(false);
        running = jobs.run(ui, call, info -> {
            trigger.setEnabled(true);
            if (trigger == connect) {
                connected(info);
            } else {
                show(info);
            }
        }, error -> {
            trigger.setEnabled(true);
            StripeConnectionException failure = error instanceof StripeConnectionException refused ? refused
                    : new StripeConnectionException(StripeConnectionException.Reason.UNREACHABLE);
            if (onRefused != null) {
                onRefused.accept(failure);
            } else {
                Notification.show(getTranslation(failure.reason().messageKey(), failure.details()));
            }
        });
    }

    private void connected(StripeConnectionInfo info) {
        apiKey.clear();
        show(info);
        Notification.show(getTranslation("payments.connect.done", info.accountName()));
    }

    private void connectFailed(StripeConnectionException failure) {
        String message = getTranslation(failure.reason().messageKey(), failure.details());
        switch (failure.reason()) {
            case TERMS_NOT_ACCEPTED -> {
                terms.setErrorMessage(message);
                terms.setInvalid(true);
            }
            case COUNTRY_MISMATCH -> {
                country.setErrorMessage(message);
                country.setInvalid(true);
            }
            default -> {
                apiKey.setErrorMessage(message);
                apiKey.setInvalid(true);
            }
        }
    }

    private void saveWebhookSecret() {
        webhookSecret.setInvalid(false);
        try {
            show(service.saveWebhookSecret(webhookSecret.getValue()));
            webhookSecret.clear();
            Notification.show(getTranslation("payments.webhook.saved"));
        } catch (StripeConnectionException failure) {
            webhookSecret.setErrorMessage(getTranslation(failure.reason().messageKey(), failure.details()));
            webhookSecret.setInvalid(true);
        }
    }

    private void show(StripeConnectionInfo info) {
        mode.setText(getTranslation(info.mode().messageKey()));
        mode.getElement().getThemeList().removeAll(java.util.List.of("success", "error", "contrast"));
        mode.getElement().getThemeList().add(switch (info.mode()) {
            case STRIPE_LIVE -> "success";
            case NOT_CONNECTED -> "error";
            default -> "contrast";
        });
        status.setText(getTranslation(info.status().messageKey()));
        status.getElement().getThemeList().removeAll(java.util.List.of("success", "error", "contrast"));
        status.getElement().getThemeList().add(switch (info.status()) {
            case READY -> "success";
            case ACTION_REQUIRED -> "error";
            default -> "contrast";
        });
        boolean connected = info.connected();
        notConnected.setText(getTranslation(info.environmentKey() ? "payments.not-connected.environment"
                : "payments.not-connected"));
        notConnected.setVisible(!connected);
        status.setVisible(connected);
        environmentKey.setText(getTranslation("payments.environment-key"));
        environmentKey.setVisible(connected && info.environmentKey());
        // With STRIPE_API_KEY set, the environment alone decides which key is used.
        connectSection.setVisible(!info.environmentKey());
        sandboxNote.setText(getTranslation("payments.account.sandbox"));
        sandboxNote.setVisible(connected && info.sandbox());
        account.setVisible(connected);
        accountName.setText(nullToEmpty(info.accountName()));
        accountId.setText(nullToEmpty(info.accountId()));
        accountCountry.setText(info.country() == null ? "" : countryName(info.country()));
        accountCurrency.setText(info.defaultCurrency() == null ? "" : info.defaultCurrency().toUpperCase(Locale.ROOT));
        chargesEnabled.setText(getTranslation(info.chargesEnabled() ? "payments.yes" : "payments.no"));
        payoutsEnabled.setText(getTranslation(info.payoutsEnabled() ? "payments.yes" : "payments.no"));
        apiKeyLast4.setText(info.apiKeyLast4() == null ? "—" : info.apiKeyLast4());
        requirements.setVisible(!info.requirements().isEmpty() && info.status() != StripeStatus.DISCONNECTED);
        requirements.setText(getTranslation("payments.account.requirements", String.join("; ",
                info.requirements().stream().map(this::requirementInWords).toList())));
        currencies.setVisible(!info.supportedCurrencies().isEmpty());
        currencies.setText(getTranslation("payments.currencies", String.join(", ", info.supportedCurrencies())));
        disconnect.setVisible(connected);
        refresh.setVisible(connected);
        // Secrets this installation cannot read: the admin reconnects (a key below, or the sandbox again).
        secretsUnreadable.setVisible(!info.secretsReadable());
        useSandbox.setVisible(!info.environmentKey() && (!connected || !info.secretsReadable() && info.sandbox()));
        webhookUrl.setText(info.webhookUrl());
        if (!connected) {
            webhookState.setText(getTranslation("payments.disconnected"));
        } else if (!info.secretsReadable()) {
            webhookState.setText(getTranslation("payments.webhook.unreadable"));
        } else if (info.webhookCreatedAutomatically()) {
            webhookState.setText(getTranslation("payments.webhook.automatic", nullToEmpty(info.webhookSecretLast4())));
        } else if (info.webhookSecretLast4() != null) {
            webhookState.setText(getTranslation("payments.webhook.secret-stored", info.webhookSecretLast4()));
        } else {
            webhookState.setText(getTranslation("payments.webhook.manual"));
        }
        boolean manual = connected && (!info.webhookCreatedAutomatically() || !info.secretsReadable());
        webhookSecret.setVisible(manual);
        saveWebhookSecret.setVisible(manual);
        if (info.country() != null) {
            country.setValue(info.country());
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("payments.nav");
    }

    /** Stripe's requirement codes ("external_account", "tos_acceptance.date") as what the admin has to do. */
    private static final java.util.Set<String> EXPLAINED_REQUIREMENTS = java.util.Set.of("external_account",
            "tos_acceptance", "business_profile", "individual", "representative", "company", "settings", "owners",
            "directors", "executives");

    String requirementInWords(String code) {
        String area = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
        return EXPLAINED_REQUIREMENTS.contains(area) ? getTranslation("builder.requirement." + area)
                : getTranslation("builder.requirement.other", code);
    }
}
