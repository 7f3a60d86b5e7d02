package com.commercehub.payment.ui;

import com.commercehub.crm.DealDetails;
import com.commercehub.crm.ui.DealPageSection;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.BackgroundJobs;
import com.commercehub.payment.PaymentResync;
import com.commercehub.payment.PaymentService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The deal page's "Payments" part: what the deal's buyers paid, with Stripe's gross, fee and net. */
@org.springframework.stereotype.Component
class PaymentsOnDeal implements DealPageSection {

    private final PaymentService payments;
    private final PaymentResync resync;
    private final BackgroundJobs jobs;
    private final AuthenticationContext authentication;

    PaymentsOnDeal(PaymentService payments, PaymentResync resync, BackgroundJobs jobs, AuthenticationContext authentication) {
        this.payments = payments;
        this.resync = resync;
        this.jobs = jobs;
        this.authentication = authentication;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component create(DealDetails deal) {
        return new Panel(deal);
    }

    /** The section itself; the grid is package-visible for UI tests. */
    class Panel extends VerticalLayout {

        final PaymentsGrid grid = new PaymentsGrid();

        Panel(DealDetails deal) {
            setPadding(false);
            if (authentication.hasAnyRole(Role.Names.FINANCE, Role.Names.ADMIN)) {
                grid.allowResync(resync, jobs);
            }
            grid.show(payments.ofDeal(deal.id()));
            add(new H3(getTranslation("payment.title")), grid);
        }
    }
}
