package com.commercehub.testsupport;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.dom.DomEvent;
import tools.jackson.databind.node.JsonNodeFactory;

/** What the browser sends when someone types text into a date field that is no date. */
public final class DateInput {

    private DateInput() {
    }

    /** The web component keeps the text in its input and reports it as unparsable; the value turns empty. */
    public static void typeUnreadable(DatePicker field, String text) {
        field.getElement().setProperty("_inputElementValue", text);
        ElementUtilsKt._fireDomEvent(field.getElement(),
                new DomEvent(field.getElement(), "unparsable-change", JsonNodeFactory.instance.objectNode()));
    }
}
