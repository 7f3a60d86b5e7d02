package com.commercehub.sandbox.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.sandbox.SandboxAccountService;
import com.commercehub.sandbox.SandboxAccountService.AccountState;
import com.commercehub.sandbox.SandboxClockLimitException;
import com.commercehub.sandbox.SandboxClockService;
import com.commercehub.sandbox.SandboxFaults;
import com.commercehub.sandbox.SandboxKeyService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * ADMIN, sandbox only: move the sandbox's clock forward (or back to real time) to show renewals and failed
 * renewals, simulate account states, see the sandbox's API key, and switch on provider faults.
 */
@Route("settings/sandbox-clock")
@Menu(order = 85, icon = "vaadin:clock", title = "sandbox.clock.nav")
@RolesAllowed(Role.Names.ADMIN)
public class SandboxClockView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph now = new Paragraph();
    /** Real time beside the sandbox's, and how far apart they are. */
    final Paragraph realTime = new Paragraph();
    final Paragraph ahead = new Paragraph();
    final Paragraph subscriptions = new Paragraph();
    final Paragraph undelivered = new Paragraph();
    final Button plusDay = new Button();
    final Button plusWeek = new Button();
    final Button plusMonth = new Button();
    final IntegerField days = new IntegerField();
    final Button advance = new Button();
    final Button reset = new Button();

    final Button accountReady = new Button();
    final Button accountPending = new Button();
    final Button accountActionRequired = new Button();

    final TextField apiKey = new TextField();
    final Button reveal = new Button();
    final Button copy = new Button();
    final Pre curl = new Pre();
    final Button createRestricted = new Button();
    final TextField restrictedKey = new TextField();

    private final SandboxClockService clock;
    private final SandboxKeyService keys;
    private boolean revealed;
    /** The open reset confirmation, for tests. */
    ConfirmDialog confirmation;

    /** The fault switch, shown with the sandbox only. */
    SandboxFaultsSection faultSwitch;

    SandboxClockView(SandboxClockService clock, SandboxAccountService account, SandboxKeyService keys,
                     SandboxFaults faults) {
        this.clock = clock;
        this.keys = keys;
        accountReady.setText(getTranslation("payments.status.ready"));
        accountPending.setText(getTranslation("payments.status.pending-verification"));
        accountActionRequired.setText(getTranslation("payments.status.action-required"));
        accountReady.addClickListener(e -> simulate(account, AccountState.READY));
        accountPending.addClickListener(e -> simulate(account, AccountState.PENDING_VERIFICATION));
        accountActionRequired.addClickListener(e -> simulate(account, AccountState.ACTION_REQUIRED));
        plusDay.setText(getTranslation("sandbox.clock.plus-day"));
        plusWeek.setText(getTranslation("sandbox.clock.plus-week"));
        plusMonth.setText(getTranslation("sandbox.clock.plus-month"));
        plusDay.addClickListener(e -> advance(Duration.ofDays(1)));
        plusWeek.addClickListener(e -> advance(Duration.ofDays(7)));
        plusMonth.addClickListener(e -> advance(Duration.ofDays(31)));
        days.setLabel(getTranslation("sandbox.clock.days"));
        days.setMin(1);
        days.setStepButtonsVisible(true);
        advance.setText(getTranslation("sandbox.clock.advance"));
        advance.addClickListener(e -> advanceByDays());
        reset.setText(getTranslation("sandbox.clock.reset"));
        reset.addClickListener(e -> confirmReset());
        add(new H2(getTranslation("sandbox.clock.nav")), new Paragraph(getTranslation("sandbox.clock.explanation")), now);
        VerticalLayout state = new VerticalLayout(realTime, ahead, subscriptions, undelivered);
        state.setPadding(false);
        state.setSpacing(false);
        state.addClassName("sandbox-clock-state");
        if (clock.available()) {
            HorizontalLayout byDays = new HorizontalLayout(days, advance);
            byDays.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(state, new HorizontalLayout(plusDay, plusWeek, plusMonth), byDays,
                    new Paragraph(getTranslation("sandbox.clock.reset-explanation")), reset,
                    new H3(getTranslation("sandbox.account.heading")), new Paragraph(getTranslation("sandbox.account.explanation")),
                    new HorizontalLayout(accountReady, accountPending, accountActionRequired));
            addKeySection();
            faultSwitch = new SandboxFaultsSection(faults);
            add(faultSwitch);
            showState();
        } else {
            now.setText(getTranslation("sandbox.clock.unavailable"));
        }
    }

    private void addKeySection() {
        apiKey.setLabel(getTranslation("sandbox.key.label"));
        apiKey.setReadOnly(true);
        apiKey.setWidth("32em");
        reveal.addClickListener(e -> {
            revealed = !revealed;
            showKey();
        });
        copy.setText(getTranslation("sandbox.key.copy"));
        copy.addClickListener(e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", keys.reveal());
            Notification.show(getTranslation("sandbox.key.copied"));
        });
        HorizontalLayout key = new HorizontalLayout(apiKey, reveal, copy);
        key.setAlignItems(FlexComponent.Alignment.BASELINE);
        createRestricted.setText(getTranslation("sandbox.key.restricted.create"));
        createRestricted.addClickListener(e -> {
            // Shown once, in the field below; only its hash is kept.
            restrictedKey.setValue(keys.createRestrictedKey());
            restrictedKey.setVisible(true);
            restrictedKey.setHelperText(getTranslation("sandbox.key.restricted.once"));
        });
        restrictedKey.setLabel(getTranslation("sandbox.key.restricted.label"));
        restrictedKey.setReadOnly(true);
        restrictedKey.setWidth("32em");
        restrictedKey.setVisible(false);
        add(new H3(getTranslation("sandbox.key.heading")), new Paragraph(getTranslation("sandbox.key.explanation")), key,
                new Paragraph(getTranslation("sandbox.key.example")), curl,
                new Paragraph(getTranslation("sandbox.key.restricted.explanation")), createRestricted, restrictedKey);
        showKey();
    }

    /** Masked, as Stripe's dashboard shows a test key, until the admin asks to see it. */
    private void showKey() {
        String shown = revealed ? keys.reveal() : keys.masked();
        apiKey.setValue(shown);
        reveal.setText(getTranslation(revealed ? "sandbox.key.hide" : "sandbox.key.reveal"));
        curl.setText("curl " + keys.apiBase() + "/v1/customers \\\n  -u " + shown + ":");
    }

    private void simulate(SandboxAccountService account, AccountState state) {
        account.simulate(state);
        Notification.show(getTranslation("sandbox.account.sent"));
    }

    private void advanceByDays() {
        Integer value = days.getValue();
        if (value == null || value < 1) {
            days.setErrorMessage(getTranslation("sandbox.clock.days-invalid"));
            days.setInvalid(true);
            return;
        }
        advance(Duration.ofDays(value));
    }

    private void advance(Duration by) {
        try {
            clock.advance(by);
            showState();
        } catch (SandboxClockLimitException tooFar) {
            days.setErrorMessage(getTranslation("sandbox.clock.too-far",
                    Formats.date(tooFar.latest().atZone(ZoneOffset.UTC).toLocalDate(), getLocale())));
            days.setInvalid(true);
            return;
        }
        days.setInvalid(false);
        Notification.show(getTranslation("sandbox.clock.advanced"));
    }

    /** Reset cannot be undone by moving forward again exactly, so it asks first and says what stays. */
    private void confirmReset() {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("sandbox.clock.reset.confirm-title"),
                getTranslation("sandbox.clock.reset-explanation"), getTranslation("sandbox.clock.reset"),
                e -> reset());
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirmation = confirm;
        confirm.open();
    }

    private void reset() {
        clock.reset();
        showState();
        days.setInvalid(false);
        Notification.show(getTranslation("sandbox.clock.was-reset"));
    }

    private void showState() {
        SandboxClockService.ClockState state = clock.state();
        now.setText(getTranslation("sandbox.clock.now", date(state.sandboxNow()), time(state.sandboxNow())));
        realTime.setText(getTranslation("sandbox.clock.real-time", date(state.realNow()), time(state.realNow())));
        Duration by = state.ahead();
        ahead.setText(by.getSeconds() <= 0 ? getTranslation("sandbox.clock.at-real-time")
                : by.toDays() < 1 ? getTranslation("sandbox.clock.ahead-less-than-a-day")
                : getTranslation("sandbox.clock.ahead-days", by.toDays()));
        subscriptions.setText(state.liveSubscriptions() == 0 ? getTranslation("sandbox.clock.no-subscriptions")
                : getTranslation("sandbox.clock.subscriptions", state.liveSubscriptions(),
                date(state.nextRenewal()) + " " + time(state.nextRenewal())));
        undelivered.setText(getTranslation("sandbox.clock.undelivered", state.undeliveredEvents()));
    }

    private String date(Instant instant) {
        return instant == null ? "" : Formats.date(instant.atZone(ZoneOffset.UTC).toLocalDate(), getLocale());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.atZone(ZoneOffset.UTC).toLocalTime().withNano(0).toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sandbox.clock.nav");
    }
}
