package com.commercehub.dashboard.ui;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.dom.Element;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * One chart: a canvas drawn by Chart.js (MIT, shipped under META-INF/resources/js and loaded by path, so no
 * frontend build is needed) and the same figures as a table, for screen readers and for copying.
 * The canvas is hidden from assistive technology; the table is the accessible version.
 */
@JavaScript("context://js/chart-4.5.1.umd.min.js")
@Tag("div")
class ChartPanel extends Div {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line or bar series. */
    record Series(String label, List<? extends Number> values, String color) {
    }

    final Element canvas = new Element("canvas");
    final NativeTable table = new NativeTable();
    final Details tableView;

    ChartPanel(String title, String tableLabel) {
        addClassName("dashboard-chart");
        getStyle().set("min-width", "320px").set("flex", "1 1 420px");
        Div holder = new Div();
        holder.getStyle().set("position", "relative").set("height", "260px");
        canvas.setAttribute("aria-hidden", "true");
        canvas.setAttribute("role", "img");
        holder.getElement().appendChild(canvas);
        tableView = new Details(tableLabel, table);
        add(new H3(title), holder, tableView);
    }

    /** Draws the chart ({@code type}: line or bar) and fills the table with the same numbers. */
    void show(String type, List<String> labels, List<Series> series, List<String> formattedHeader,
              List<List<String>> formattedRows) {
        var datasets = series.stream().map(s -> Map.of("label", s.label(), "data", s.values(),
                "borderColor", s.color(), "backgroundColor", s.color(), "fill", false, "tension", 0.2)).toList();
        var config = Map.of("type", type, "data", Map.of("labels", labels, "datasets", datasets),
                "options", Map.of("responsive", true, "maintainAspectRatio", false, "animation", false));
        // The library script may still be loading when the first figures arrive: draw once it is there.
        canvas.executeJs("""
                const canvas = this;
                const config = JSON.parse($0);
                const draw = () => {
                  if (!window.Chart) { setTimeout(draw, 50); return; }
                  if (canvas._chart) { canvas._chart.destroy(); }
                  canvas._chart = new window.Chart(canvas, config);
                };
                draw();""", JSON.writeValueAsString(config));
        table.removeAll();
        NativeTableRow head = new NativeTableRow();
        formattedHeader.forEach(h -> head.add(new NativeTableHeaderCell(h)));
        NativeTableHeader header = new NativeTableHeader();
        header.add(head);
        NativeTableBody body = new NativeTableBody();
        for (List<String> row : formattedRows) {
            NativeTableRow tr = new NativeTableRow();
            row.forEach(cell -> tr.add(new NativeTableCell(cell)));
            body.add(tr);
        }
        table.add(header, body);
    }
}
