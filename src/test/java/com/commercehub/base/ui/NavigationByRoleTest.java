package com.commercehub.base.ui;

import com.commercehub.base.security.Role;
import com.commercehub.testsupport.KaribuTest;
import com.commercehub.testsupport.StateNodes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NavigationByRoleTest extends KaribuTest {

    /** The side navigation's items as the browser gets them (the navigation is sent as markup). */
    static List<Element> navigationItems() {
        return Jsoup.parseBodyFragment(_get(MainLayout.class).navigation.getInnerHtml()).select("vaadin-side-nav-item");
    }

    static List<String> navigationLabels() {
        return navigationItems().stream().map(Element::text).toList();
    }

    @Test
    void each_item_links_to_its_view_with_its_icon_and_the_whole_navigation_is_one_state_node() {
        login("admin@example.com", Role.ADMIN);
        navigate("");
        Element products = navigationItems().stream().filter(item -> item.text().equals("Products")).findFirst()
                .orElseThrow();
        assertThat(products.attr("path")).isEqualTo("products");
        assertThat(products.select("vaadin-icon[slot=prefix]").attr("icon")).startsWith("vaadin:");
        assertThat(navigationItems().getFirst().attr("path")).isEmpty();
        assertThat(StateNodes.count(_get(MainLayout.class).navigation)).isEqualTo(1);
    }

    @Test
    void the_navigation_markup_carries_labels_and_paths_as_text_never_as_markup() {
        String label = "<img src=x onerror=alert(1)> & \"Deals\"";
        String markup = MainLayout.sideNavMarkup(List.of(
                new MainLayout.NavigationLink(label, "deals\" onmouseover=\"alert(2)", "vaadin:handshake")));
        Element item = Jsoup.parseBodyFragment(markup).selectFirst("vaadin-side-nav-item");
        assertThat(item.text()).isEqualTo(label);
        assertThat(item.select("img")).isEmpty();
        assertThat(item.hasAttr("onmouseover")).isFalse();
        assertThat(item.attr("path")).startsWith("deals");
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
