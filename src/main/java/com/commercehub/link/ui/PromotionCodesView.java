package com.commercehub.link.ui;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.Role;
import com.commercehub.link.LinkUnavailableException;
import com.commercehub.link.PaymentLinkValidationException;
import com.commercehub.link.PromotionCodeDraft;
import com.commercehub.link.PromotionCodeEntry;
import com.commercehub.link.PromotionCodeService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/** Promotion codes for payment links that allow them: code, discount, expiry, redemption limit. */
@Route("promotion-codes")
@Menu(order = 11, icon = "vaadin:ticket", title = "promo.nav")
@RolesAllowed({Role.Names.SALES, Role.Names.ADMIN})
public class PromotionCodesView extends VerticalLayout implements HasDynamicTitle {

    final Button create = new Button();
    final Grid<PromotionCodeEntry> grid = new Grid<>();
    private final PromotionCodeService codes;

    PromotionCodesView(PromotionCodeService codes) {
        this.codes = codes;
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

    final class CodeDialog extends Dialog {
        final TextField code = new TextField(getTranslation("promo.ui.code"));
        final BigDecimalField percentOff = new BigDecimalField(getTranslation("promo.ui.percent"));
        final BigDecimalField amountOff = new BigDecimalField(getTranslation("promo.ui.amount"));
        final TextField currency = new TextField(getTranslation("promo.ui.currency"));
        final DatePicker expiresOn = new DatePicker(getTranslation("promo.ui.expires"));
        final IntegerField maxRedemptions = new IntegerField(getTranslation("promo.ui.max"));
        final Button save = new Button(getTranslation("link.ui.save"));

        CodeDialog() {
            setHeaderTitle(getTranslation("promo.ui.create"));
            currency.setMaxLength(3);
            add(new FormLayout(code, percentOff, amountOff, currency, expiresOn, maxRedemptions));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("link.ui.cancel"), e -> close()), save);
        }

        private void save() {
            Map<String, HasValidation> fields = Map.of("code", code, "percentOff", percentOff, "amountOff", amountOff,
                    "expiresOn", expiresOn, "maxRedemptions", maxRedemptions);
            fields.values().forEach(field -> field.setInvalid(false));
            Money amount = null;
            if (amountOff.getValue() != null) {
                try {
                    amount = new Money(amountOff.getValue(), Currency.getInstance(currency.getValue().strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException | NullPointerException unknown) {
                    currency.setErrorMessage(getTranslation("promo.currency.invalid"));
                    currency.setInvalid(true);
                    return;
                }
            }
            try {
                codes.create(new PromotionCodeDraft(code.getValue(), percentOff.getValue(), amount, expiresOn.getValue(),
                        maxRedemptions.getValue()));
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
