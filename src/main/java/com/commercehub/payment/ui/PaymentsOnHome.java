package com.commercehub.payment.ui;

import com.commercehub.base.ui.HomeSection;
import com.commercehub.payment.PaymentEntry;
import com.commercehub.payment.PaymentService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import java.util.List;
import java.util.Optional;

/** The start page's "Recent payments": all of them for finance and admins, their own deals' for sales. */
@org.springframework.stereotype.Component
class PaymentsOnHome implements HomeSection {

    static final int SHOWN = 8;

    private final PaymentService payments;

    PaymentsOnHome(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create() {
        List<PaymentEntry> recent = payments.recent(SHOWN);
        return recent.isEmpty() ? Optional.empty() : Optional.of(new Panel(recent));
    }

    /** The section itself; the grid is package-visible for UI tests. */
    static class Panel extends VerticalLayout {

        final PaymentsGrid grid = new PaymentsGrid();

        Panel(List<PaymentEntry> recent) {
            addClassName("home-recent-payments");
            setPadding(false);
            grid.show(recent);
            add(new H3(getTranslation("home.payments.title")), grid);
        }
    }
}
