package com.commercehub.quote.ui;

import com.commercehub.base.ui.TypedChoice;
import com.commercehub.crm.CrmValidationException;
import com.commercehub.crm.DealListEntry;
import com.commercehub.crm.DealService;
import com.commercehub.quote.QuoteService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import org.springframework.data.domain.PageRequest;

import java.util.function.LongConsumer;

/** Starts a quote from the Quotes list: the rep picks the deal it is for. */
class NewQuoteDialog extends Dialog {

    final ComboBox<DealListEntry> deal = new ComboBox<>();
    final Button create = new Button();

    NewQuoteDialog(QuoteService quotes, DealService deals, LongConsumer onCreated) {
        setHeaderTitle(getTranslation("quote.new"));
        deal.setLabel(getTranslation("quote.deal"));
        deal.setWidth("26rem");
        deal.setRequiredIndicatorVisible(true);
        deal.setItemLabelGenerator(DealListEntry::name);
        deal.setItems(q -> deals.page(q.getFilter().orElse(""), null,
                PageRequest.of(q.getPage(), q.getPageSize())).stream());
        TypedChoice.pickFirstMatch(deal, typed -> deals.page(typed, null, PageRequest.of(0, 1)).stream().findFirst());
        deal.setHelperText(getTranslation("quote.new.helper"));
        add(deal);
        create.setText(getTranslation("quote.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            if (deal.getValue() == null) {
                deal.setErrorMessage(getTranslation("quote.deal.pick"));
                deal.setInvalid(true);
                return;
            }
            try {
                long id = quotes.createFromDeal(deal.getValue().id()).id();
                close();
                onCreated.accept(id);
            } catch (CrmValidationException problem) {
                deal.setErrorMessage(getTranslation(problem.problems().getOrDefault("deal", "quote.deal.pick")));
                deal.setInvalid(true);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), create);
    }
}
