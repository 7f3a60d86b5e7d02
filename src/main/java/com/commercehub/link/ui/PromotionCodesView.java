package com.commercehub.link.ui;

import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.ui.DateField;
import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.link.LinkUnavailableException;
import com.commercehub.link.PaymentLinkListEntry;
import com.commercehub.link.PaymentLinkService;
import com.commercehub.link.PaymentLinkValidationException;
import com.commercehub.link.PromotionCodeDraft;
import com.commercehub.link.PromotionCodeEntry;
import com.commercehub.link.PromotionCodeService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneOffset;
import java.util.Map;

/** Promotion codes for payment links that allow them: code, discount, expiry, redemption limit, the links it is for. */
@Route("promotion-codes")
@Menu(order = 11, icon = "vaadin:ticket", title = "promo.nav")
@RolesAllowed({Role.Names.SALES, Role.Names.ADMIN})
public class PromotionCodesView extends VerticalLayout implements HasDynamicTitle {

    final Button create = new Button();
    final Grid<PromotionCodeEntry> grid = new Grid<>();
    private final PromotionCodeService codes;
    private final PaymentLinkService links;

    PromotionCodesView(PromotionCodeService codes, PaymentLinkService links) {
        this.codes = codes;
        this.links = links;
        setSizeFull();
        create.setText(getTranslation("promo.ui.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClassName("list-primary");
        create.addClickListener(e -> new CodeDialog().open());
        grid.addColumn(PromotionCodeEntry::code).setHeader(getTranslation("promo.ui.code"));
        grid.addColumn(code -> code.percentOff() != null ? Formats.number(code.percentOff(), getLocale()) + " %"
                : Formats.money(code.amountOff(), getLocale())).setHeader(getTranslation("promo.ui.discount"));
        grid.addColumn(code -> code.expiresAt() == null ? "" : Formats.date(
                code.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1), getLocale()))
                .setHeader(getTranslation("promo.ui.expires"));
        grid.addColumn(code -> code.maxRedemptions() == null ? "" : code.maxRedemptions().toString())
                .setHeader(getTranslation("promo.ui.max"));
        grid.addColumn(code -> code.links().isEmpty() ? getTranslation("promo.ui.all-links") : String.join(", ", code.links()))
                .setHeader(getTranslation("promo.ui.links")).setKey("links").setAutoWidth(true);
        grid.addColumn(code -> getTranslation(code.active() ? "promo.ui.active" : "promo.ui.inactive"))
                .setHeader(getTranslation("promo.ui.status"));
        grid.addComponentColumn(code -> {
            Button off = new Button(getTranslation("promo.ui.deactivate"), e -> {
                try {
                    codes.deactivate(code.id(), code.version());
                } catch (LinkUnavailableException unavailable) {
                    Notification.show(getTranslation(unavailable.reason().messageKey()));
                }
                grid.getDataProvider().refreshAll();
            });
            off.setVisible(code.active());
            off.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return off;
        });
        grid.setItems(q -> codes.page(q.getOffset(), q.getLimit()).stream(), q -> codes.count());
        grid.setEmptyStateText(getTranslation("promo.ui.empty"));
        add(create, grid);
    }

    private static final int LINK_CHOICES = 500;

    final class CodeDialog extends Dialog {
        final TextField code = new TextField(getTranslation("promo.ui.code"));
        final BigDecimalField percentOff = new BigDecimalField(getTranslation("promo.ui.percent"));
        final BigDecimalField amountOff = new BigDecimalField(getTranslation("promo.ui.amount"));
        final CurrencyField currency = new CurrencyField(getTranslation("promo.ui.currency"));
        final DateField expiresOn = new DateField(getTranslation("promo.ui.expires"));
        final IntegerField maxRedemptions = new IntegerField(getTranslation("promo.ui.max"));
        final MultiSelectComboBox<PaymentLinkListEntry> onlyLinks = new MultiSelectComboBox<>(getTranslation("promo.ui.links"));
        final Button save = new Button(getTranslation("link.ui.save"));

        CodeDialog() {
            setHeaderTitle(getTranslation("promo.ui.create"));
            currency.setAllCurrencies();
            onlyLinks.setPlaceholder(getTranslation("promo.ui.all-links"));
            onlyLinks.setHelperText(getTranslation("promo.ui.links-help"));
            onlyLinks.setItemLabelGenerator(PaymentLinkListEntry::name);
            // The newest links, filtered as typed in memory: a business has a handful of links, not thousands.
            onlyLinks.setItems(links.page(0, LINK_CHOICES));
            add(new FormLayout(code, percentOff, amountOff, currency, expiresOn, maxRedemptions, onlyLinks));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("link.ui.cancel"), e -> close()), save);
        }

        private void save() {
            Map<String, HasValidation> fields = Map.of("code", code, "percentOff", percentOff, "amountOff", amountOff,
                    "expiresOn", expiresOn, "maxRedemptions", maxRedemptions, "links", onlyLinks);
            fields.values().forEach(field -> field.setInvalid(false));
            if (DateField.unreadable(expiresOn)) {
                return;
            }
            Money amount = null;
            if (amountOff.getValue() != null) {
                if (currency.getCurrency() == null) {
                    currency.setErrorMessage(getTranslation("promo.currency.invalid"));
                    currency.setInvalid(true);
                    return;
                }
                amount = new Money(amountOff.getValue(), currency.getCurrency());
            }
            try {
                codes.create(new PromotionCodeDraft(code.getValue(), percentOff.getValue(), amount, expiresOn.getValue(),
                        maxRedemptions.getValue(), onlyLinks.getValue().stream().map(PaymentLinkListEntry::id).toList()));
                close();
                grid.getDataProvider().refreshAll();
            } catch (PaymentLinkValidationException invalid) {
                invalid.problems().forEach((field, key) -> {
                    fields.get(field).setErrorMessage(getTranslation(key));
                    fields.get(field).setInvalid(true);
                });
            } catch (LinkUnavailableException unavailable) {
                Notification.show(getTranslation(unavailable.reason().messageKey()));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("promo.nav");
    }
}
