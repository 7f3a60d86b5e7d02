package com.commercehub.sandbox.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.sandbox.SandboxAccountService;
import com.commercehub.sandbox.SandboxAccountService.AccountState;
import com.commercehub.sandbox.SandboxClockService;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** ADMIN, sandbox only: move the sandbox's clock forward to show renewals and failed renewals. */
@Route("settings/sandbox-clock")
@Menu(order = 85, icon = "vaadin:clock", title = "sandbox.clock.nav")
@RolesAllowed(Role.Names.ADMIN)
public class SandboxClockView extends VerticalLayout implements HasDynamicTitle {

    final Paragraph now = new Paragraph();
    final Button plusDay = new Button();
    final Button plusWeek = new Button();
    final Button plusMonth = new Button();

    final Button accountReady = new Button();
    final Button accountPending = new Button();
    final Button accountActionRequired = new Button();

    private final SandboxClockService clock;

    SandboxClockView(SandboxClockService clock, SandboxAccountService account) {
        this.clock = clock;
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
        add(new H2(getTranslation("sandbox.clock.nav")), new Paragraph(getTranslation("sandbox.clock.explanation")), now);
        if (clock.available()) {
            add(new HorizontalLayout(plusDay, plusWeek, plusMonth),
                    new H3(getTranslation("sandbox.account.heading")), new Paragraph(getTranslation("sandbox.account.explanation")),
                    new HorizontalLayout(accountReady, accountPending, accountActionRequired));
            show(clock.now());
        } else {
            now.setText(getTranslation("sandbox.clock.unavailable"));
        }
    }

    private void simulate(SandboxAccountService account, AccountState state) {
        account.simulate(state);
        Notification.show(getTranslation("sandbox.account.sent"));
    }

    private void advance(Duration by) {
        show(clock.advance(by));
        Notification.show(getTranslation("sandbox.clock.advanced"));
    }

    private void show(Instant instant) {
        var at = instant.atZone(ZoneOffset.UTC);
        now.setText(getTranslation("sandbox.clock.now", Formats.date(at.toLocalDate(), getLocale()),
                at.toLocalTime().withNano(0).toString()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("sandbox.clock.nav");
    }
}
