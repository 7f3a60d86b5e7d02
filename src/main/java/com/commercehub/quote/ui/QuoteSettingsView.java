package com.commercehub.quote.ui;

import com.commercehub.base.security.Role;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.ui.CrmForms;
import com.commercehub.quote.QuoteSettings;
import com.commercehub.quote.QuoteSettingsService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;

/** Settings → Quotes (ADMIN): the number prefix and next number, the default expiry, default purchase terms. */
@Route("settings/quotes")
@Menu(order = 81, icon = "vaadin:file-text", title = "nav.quote-settings")
@RolesAllowed(Role.Names.ADMIN)
public class QuoteSettingsView extends VerticalLayout implements HasDynamicTitle {

    final TextField prefix = new TextField();
    final IntegerField nextNumber = new IntegerField();
    final IntegerField expiryDays = new IntegerField();
    final TextArea defaultTerms = new TextArea();
    final Span example = new Span();
    final Button save = new Button();

    private final QuoteSettingsService settings;
    private QuoteSettings current;

    QuoteSettingsView(QuoteSettingsService settings) {
        this.settings = settings;
        prefix.setLabel(getTranslation("quote.settings.prefix"));
        prefix.setMaxLength(20);
        prefix.addValueChangeListener(e -> showExample());
        nextNumber.setLabel(getTranslation("quote.settings.next-number"));
        nextNumber.setMin(1);
        nextNumber.addValueChangeListener(e -> showExample());
        expiryDays.setLabel(getTranslation("quote.settings.expiry-days"));
        expiryDays.setMin(1);
        expiryDays.setMax(365);
        expiryDays.setStepButtonsVisible(true);
        defaultTerms.setLabel(getTranslation("quote.settings.default-terms"));
        FormLayout form = new FormLayout(prefix, nextNumber, expiryDays, defaultTerms);
        form.setColspan(defaultTerms, 2);
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER, com.vaadin.flow.component.KeyModifier.CONTROL);
        save.addClickListener(e -> save());
        add(new H2(getTranslation("nav.quote-settings")), form, example, save);
        show(settings.get());
    }

    private void show(QuoteSettings loaded) {
        current = loaded;
        prefix.setValue(loaded.numberPrefix());
        nextNumber.setValue((int) loaded.nextNumber());
        expiryDays.setValue(loaded.expiryDays());
        defaultTerms.setValue(loaded.defaultTerms() == null ? "" : loaded.defaultTerms());
        prefix.setInvalid(false);
        nextNumber.setInvalid(false);
        expiryDays.setInvalid(false);
    }

    private void showExample() {
        example.setText(getTranslation("quote.settings.example", prefix.getValue().strip()
                + (nextNumber.getValue() == null ? "" : nextNumber.getValue())));
    }

    private void save() {
        try {
            show(settings.update(current.version(), prefix.getValue(),
                    nextNumber.getValue() == null ? 0 : nextNumber.getValue(),
                    expiryDays.getValue() == null ? 0 : expiryDays.getValue(), defaultTerms.getValue()));
            QuoteActions.notify(getTranslation("quote.settings.saved"), true);
        } catch (CrmValidationException problem) {
            CrmForms.show(this, problem, Map.of("prefix", prefix, "nextNumber", nextNumber, "expiryDays", expiryDays));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quote-settings");
    }
}
