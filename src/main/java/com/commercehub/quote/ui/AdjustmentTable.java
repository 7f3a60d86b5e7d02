package com.commercehub.quote.ui;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * The quote's discounts and fees as one table drawn in the browser, with a remove button per row.
 * <p>
 * Why not a grid: every open builder tab keeps its components' server-side state, and a grid with four columns
 * keeps a data communicator, a key mapper and six listeners per column for a list that rarely holds more than a
 * few rows. This is one element: its rows are markup, and one click listener on the table hears every remove
 * button, which says its row in {@code data-remove}. Everything in a row is written through jsoup's text and
 * attribute setters, so a label a rep typed is shown as text.
 */
@Uses(Button.class)
@Uses(Icon.class)
class AdjustmentTable extends Div {

    /** The remove button a click came from, if any (the click may land on its icon). */
    static final String REMOVE_BUTTON = "event.target.closest('[data-remove]')";
    /** Only clicks on a remove button reach the server. */
    static final String REMOVE_FILTER = REMOVE_BUTTON + " != null";
    /** What the browser sends with a remove click: the row's index. */
    static final String REMOVED_ROW = REMOVE_BUTTON + ".dataset.remove";

    /** One row as it reads. */
    record Row(String type, String label, String value, String removeLabel) {
    }

    /** The column headings, and the sentence shown when there is nothing yet. */
    record Headings(String type, String label, String value, String actions, String empty) {
    }

    private final Headings headings;
    private int rows;

    /**
     * @param onRemove called with the index of the row whose remove button was clicked (only indexes shown now)
     */
    AdjustmentTable(Headings headings, IntConsumer onRemove) {
        this.headings = headings;
        addClassName("quote-adjustments");
        getElement().addEventListener("click", click -> {
            String index = click.getEventData().path(REMOVED_ROW).asString("");
            if (index.matches("\\d{1,4}") && Integer.parseInt(index) < rows) {
                onRemove.accept(Integer.parseInt(index));
            }
        }).setFilter(REMOVE_FILTER).addEventData(REMOVED_ROW);
        show(List.of(), false);
    }

    /** Draws the rows; their remove buttons only when {@code editable}. */
    void show(List<Row> shown, boolean editable) {
        rows = editable ? shown.size() : 0;
        getElement().setProperty("innerHTML", markup(headings, shown, editable));
    }

    private static String markup(Headings headings, List<Row> shown, boolean editable) {
        if (shown.isEmpty()) {
            return new Element("p").addClass("quote-adjustments-empty").text(headings.empty()).outerHtml();
        }
        Element table = new Element("table");
        Element head = table.appendElement("thead").appendElement("tr");
        head.appendElement("th").attr("scope", "col").text(headings.type());
        head.appendElement("th").attr("scope", "col").text(headings.label());
        head.appendElement("th").attr("scope", "col").addClass("end").text(headings.value());
        head.appendElement("th").attr("scope", "col").appendElement("span").addClass("visually-hidden")
                .text(headings.actions());
        Element body = table.appendElement("tbody");
        for (int index = 0; index < shown.size(); index++) {
            Row row = shown.get(index);
            Element tr = body.appendElement("tr");
            tr.appendElement("td").text(row.type());
            tr.appendElement("td").addClass("label").text(row.label());
            tr.appendElement("td").addClass("end").text(row.value());
            Element actions = tr.appendElement("td").addClass("actions");
            if (editable) {
                actions.appendElement("vaadin-button").addClass("adjustment-remove")
                        .attr("theme", "tertiary-inline icon error").attr("aria-label", row.removeLabel())
                        .attr("title", row.removeLabel()).attr("data-remove", Integer.toString(index))
                        .appendElement("vaadin-icon").attr("icon", "vaadin:trash");
            }
        }
        return table.outerHtml();
    }
}
