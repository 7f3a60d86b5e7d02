package com.commercehub.crm.ui;

import com.commercehub.base.ui.TypedChoice;
import com.commercehub.base.ui.CurrencyField;
import com.commercehub.base.ui.DateField;
import com.commercehub.base.security.StaffMember;
import com.commercehub.crm.CompanyService;
import com.commercehub.crm.CompanySummary;
import com.commercehub.crm.ContactService;
import com.commercehub.crm.ContactSummary;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealDetails;
import com.commercehub.crm.DealDraft;
import com.commercehub.crm.DealService;
import com.commercehub.crm.DealStage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.springframework.data.domain.PageRequest;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Creates a deal or edits its fields. */
class DealDialog extends Dialog {

    final TextField name = new TextField();
    final Select<DealStage> stage = new Select<>();
    final CurrencyField currency = new CurrencyField();
    final ComboBox<CompanySummary> company = new ComboBox<>();
    final MultiSelectComboBox<ContactSummary> contacts = new MultiSelectComboBox<>();
    final ComboBox<StaffMember> owner = new ComboBox<>();
    final DateField closeDate = new DateField();
    final Button save = new Button();

    DealDialog(DealService deals, CompanyService companies, ContactService contactService, List<StaffMember> staff,
               String currentUser, DealDetails existing, Consumer<DealDetails> onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "crm.deal.new" : "crm.deal.edit"));
        name.setLabel(getTranslation("crm.deal.name"));
        stage.setLabel(getTranslation("crm.deal.stage"));
        stage.setItems(DealStage.values());
        stage.setItemLabelGenerator(s -> getTranslation("crm.stage." + s.name().toLowerCase()));
        currency.setLabel(getTranslation("product.currency"));
        currency.setAllCurrencies();
        company.setLabel(getTranslation("crm.company"));
        company.setItems(q -> companies.page(q.getFilter().orElse(""), PageRequest.of(q.getPage(), q.getPageSize())).stream());
        company.setItemLabelGenerator(CompanySummary::name);
        company.setClearButtonVisible(true);
        TypedChoice.pickFirstMatch(company, typed -> companies.page(typed, PageRequest.of(0, 1)).stream().findFirst());
        contacts.setLabel(getTranslation("crm.deal.contacts"));
        contacts.setItems(q -> contactService.page(q.getFilter().orElse(""), PageRequest.of(q.getPage(), q.getPageSize())).stream());
        contacts.setItemLabelGenerator(c -> c.fullName() + " <" + c.email() + ">");
        TypedChoice.pickFirstMatch(contacts, typed -> contactService.page(typed, PageRequest.of(0, 1)).stream().findFirst());
        owner.setLabel(getTranslation("crm.deal.owner"));
        owner.setItems(staff);
        owner.setItemLabelGenerator(StaffMember::displayName);
        TypedChoice.pickFirstMatch(owner);
        closeDate.setLabel(getTranslation("crm.deal.close-date"));

        if (existing == null) {
            stage.setValue(DealStage.APPOINTMENT);
            currency.setValue("EUR");
            staff.stream().filter(s -> s.email().equals(currentUser)).findFirst().ifPresent(owner::setValue);
        } else {
            name.setValue(existing.name());
            stage.setValue(existing.stage());
            currency.setValue(existing.currency().getCurrencyCode());
            currency.setReadOnly(!existing.lines().isEmpty());
            currency.setHelperText(existing.lines().isEmpty() ? null : getTranslation("crm.deal.currency-locked"));
            company.setValue(existing.company());
            contacts.setValue(existing.contacts());
            staff.stream().filter(s -> s.email().equals(existing.owner())).findFirst().ifPresent(owner::setValue);
            closeDate.setValue(existing.closeDate());
        }
        add(new FormLayout(name, stage, currency, owner, company, closeDate, contacts));
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (DateField.unreadable(closeDate)) {
                return;
            }
            DealDraft draft = new DealDraft(name.getValue(), owner.getValue() == null ? null : owner.getValue().email(),
                    stage.getValue(), currency.getValue() == null ? null : Currency.getInstance(currency.getValue()),
                    company.getValue() == null ? null : company.getValue().id(),
                    contacts.getValue().stream().map(ContactSummary::id).collect(Collectors.toSet()),
                    closeDate.getValue());
            try {
                DealDetails saved = existing == null ? deals.create(draft)
                        : deals.update(existing.id(), existing.version(), draft);
                close();
                onSaved.accept(saved);
            } catch (CrmValidationException problem) {
                CrmForms.show(this, problem, Map.of("name", name, "currency", currency, "stage", stage));
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
