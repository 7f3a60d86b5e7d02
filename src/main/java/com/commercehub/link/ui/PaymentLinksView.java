package com.commercehub.link.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.security.Role;
import com.commercehub.base.ui.PhoneLayout;
import com.commercehub.link.PaymentLinkListEntry;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.link.PaymentLinkStatus;
import com.commercehub.link.PaymentLinkValidationException;
import com.commercehub.product.ProductService;
import com.commercehub.product.TaxRateService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.util.Base64;
import java.util.stream.Collectors;

/** Payment links: their state, payments and revenue; make or edit one, switch it on or off, share it. */
@Route("payment-links")
@Menu(order = 8, icon = "vaadin:link", title = "link.nav")
@RolesAllowed({Role.Names.SALES, Role.Names.ADMIN})
public class PaymentLinksView extends VerticalLayout implements HasDynamicTitle {

    final Button create = new Button();
    final Grid<PaymentLinkListEntry> grid = new Grid<>();
    private final PaymentLinkService links;
    private final ProductService products;
    private final TaxRateService taxRates;

    PaymentLinksView(PaymentLinkService links, ProductService products, TaxRateService taxRates) {
        this.links = links;
        this.products = products;
        this.taxRates = taxRates;
        setSizeFull();
        create.setText(getTranslation("link.ui.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("list-primary");
        create.addClickListener(e -> new PaymentLinkForm(links, products, taxRates, null, (id, name) -> {
            grid.getDataProvider().refreshAll();
            share(id, name);
        }).open());
        var name = grid.addColumn(PaymentLinkListEntry::name).setHeader(getTranslation("link.ui.name")).setKey("name")
                .setWidth("12rem").setFlexGrow(1);
        // Short columns as wide as their texts, the name takes the rest: nothing is cut while there is room.
        grid.addColumn(link -> getTranslation(link.status().messageKey())).setHeader(getTranslation("link.ui.status"))
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(link -> link.oneTime() ? getTranslation("link.ui.one-time") : "")
                .setHeader(getTranslation("link.ui.use")).setKey("use").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PaymentLinkListEntry::payments).setHeader(getTranslation("link.ui.payments"))
                .setKey("payments").setAutoWidth(true).setFlexGrow(0);
        // No payment yet reads as a dash, not as an empty cell.
        var revenue = grid.addColumn(link -> link.revenue().isEmpty() ? "—" : link.revenue().stream()
                        .map(m -> Formats.money(m, getLocale())).collect(Collectors.joining(" · ")))
                .setHeader(getTranslation("link.ui.revenue")).setKey("revenue").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(link -> Formats.dateTime(link.createdAt(), ZoneId.systemDefault(), getLocale()))
                .setHeader(getTranslation("link.ui.created")).setKey("created").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setKey("actions");
        PhoneLayout.nameAndAmountFirst(grid, name, revenue);
        grid.setItems(q -> links.page(q.getOffset(), q.getLimit()).stream(), q -> links.count());
        grid.setEmptyStateText(getTranslation("link.ui.empty"));
        add(new HorizontalLayout(create), grid);
    }

    private HorizontalLayout actions(PaymentLinkListEntry link) {
        Button share = new Button(getTranslation("link.ui.share"), e -> share(link.id(), link.name()));
        share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button edit = new Button(getTranslation("link.ui.edit"), e -> new PaymentLinkForm(links, products, taxRates,
                links.details(link.id()), (id, name) -> grid.getDataProvider().refreshAll()).open());
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        edit.setId("edit-" + link.id());
        HorizontalLayout actions = new HorizontalLayout(share, edit);
        if (link.status() != PaymentLinkStatus.COMPLETED) {
            boolean on = link.status() != PaymentLinkStatus.INACTIVE;
            Button toggle = new Button(getTranslation(on ? "link.ui.deactivate" : "link.ui.activate"), e -> {
                try {
                    links.setActive(link.id(), link.version(), !on);
                } catch (PaymentLinkValidationException refused) {
                    Notification.show(getTranslation(refused.problems().values().iterator().next()));
                }
                grid.getDataProvider().refreshAll();
            });
            toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            toggle.setId("toggle-" + link.id());
            actions.add(toggle);
        }
        return actions;
    }

    /** The address to copy, its QR code and the embeddable button (escaped HTML). */
    void share(long id, String name) {
        String url = links.address(id);
        ShareDialog dialog = new ShareDialog(url, name);
        dialog.open();
    }

    final class ShareDialog extends Dialog {
        final TextField address = new TextField(getTranslation("link.ui.address"));
        final TextArea snippet = new TextArea(getTranslation("link.ui.snippet"));
        final Image qr;

        ShareDialog(String url, String name) {
            setHeaderTitle(name);
            address.setValue(url);
            address.setReadOnly(true);
            address.setWidthFull();
            Button copy = new Button(getTranslation("link.ui.copy"), VaadinIcon.COPY.create(),
                    e -> address.getElement().executeJs("navigator.clipboard.writeText($0)", url));
            snippet.setValue(QrCodes.buttonSnippet(url, getTranslation("link.ui.button-label")));
            snippet.setReadOnly(true);
            snippet.setWidthFull();
            qr = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(url, 240)),
                    getTranslation("link.ui.qr"));
            qr.setWidth("240px");
            HorizontalLayout addressRow = new HorizontalLayout(address, copy);
            addressRow.setWidthFull();
            addressRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            // The address is what people copy and check: it takes the row's width, the button only its own.
            addressRow.setFlexGrow(1, address);
            VerticalLayout content = new VerticalLayout(addressRow, qr, snippet);
            content.setWidth("34rem");
            content.setMaxWidth("100%");
            add(content);
            getFooter().add(new Button(getTranslation("link.ui.close"), e -> close()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("link.nav");
    }
}
