package com.commercehub.crm.ui;

import com.commercehub.crm.DealDetails;
import com.vaadin.flow.component.Component;

/**
 * A part of the deal page contributed by another feature (quotes list their deal's quotes here),
 * so that crm needs to know nothing of them. Implementations are Spring beans; the page asks for a
 * fresh component each time it shows the deal.
 */
public interface DealPageSection {

    /** Orders sections on the page, lowest first. */
    int order();

    Component create(DealDetails deal);
}
