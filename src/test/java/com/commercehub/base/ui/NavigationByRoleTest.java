package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.testsupport.KaribuTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NavigationByRoleTest extends KaribuTest {

    private List<String> navigationLabels() {
        return _get(MainLayout.class).navigation.getItems().stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void admin_sees_home_payments_and_users() {
        login("admin@example.com", Role.ADMIN);
        navigate("");
        _assertOne(HomeView.class);
        assertThat(navigationLabels()).containsExactly("Home", "Dashboard", "Payments", "Reconciliation", "Deals", "Quotes", "Invoices",
                "Payment links", "Subscriptions", "Products", "Promotion codes", "Companies", "Contacts", "Automation",
                "Tax rates", "Payment settings", "Quote settings", "Email", "Branding", "Webhooks", "Sandbox clock", "Users");
    }

    @Test
    void sales_sees_only_what_sales_may_open() {
        login("sales@example.com", Role.SALES);
        navigate("");
        assertThat(navigationLabels()).containsExactly("Home", "Payments", "Deals", "Quotes", "Invoices", "Payment links",
                "Subscriptions", "Products", "Promotion codes", "Companies", "Contacts", "Automation");
    }

    @Test
    void finance_sees_only_what_finance_may_open() {
        login("finance@example.com", Role.FINANCE);
        navigate("");
        assertThat(navigationLabels()).containsExactly("Home", "Dashboard", "Payments", "Reconciliation", "Deals", "Quotes",
                "Invoices", "Subscriptions", "Products", "Companies", "Contacts", "Automation");
    }

    @Test
    void sales_cannot_open_the_users_page_by_url() {
        login("sales@example.com", Role.SALES);
        // Karibu reports the denial Vaadin's access control makes (a real browser gets "not found").
        assertThatThrownBy(() -> navigate("users")).hasMessageContaining("Access is denied");
        _assertNone(UsersView.class);
    }

    @Test
    void shell_says_when_the_sandbox_processes_payments() {
        login("finance@example.com", Role.FINANCE);
        navigate("");
        MainLayout layout = _get(MainLayout.class);
        assertThat(layout.sandboxBadge.isVisible()).isTrue();
        assertThat(layout.sandboxBadge.getText()).isEqualTo("Sandbox — no real money moves");
    }
}
