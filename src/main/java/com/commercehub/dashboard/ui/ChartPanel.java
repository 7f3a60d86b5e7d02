package com.commercehub.dashboard.ui;

import com.commercehub.dashboard.Exports;
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
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One chart: a canvas drawn by Chart.js (MIT, shipped under META-INF/resources/js and loaded by path, so no
 * frontend build is needed) and the same figures as a table, for screen readers and for copying.
 * The canvas is hidden from assistive technology; the table is the accessible version, and downloads as CSV.
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
    final Anchor download;
    /** The downloaded file's name; the dashboard sets it to the chart and period. */
    String fileName = "chart.csv";
    private List<String> tableHeader = List.of();
    private List<List<String>> tableRows = List.of();

    ChartPanel(String title, String tableLabel, String downloadLabel) {
        addClassName("dashboard-chart");
        getStyle().set("min-width", "320px").set("flex", "1 1 420px");
        Div holder = new Div();
        holder.getStyle().set("position", "relative").set("height", "260px");
        canvas.setAttribute("aria-hidden", "true");
        canvas.setAttribute("role", "img");
        holder.getElement().appendChild(canvas);
        download = new Anchor(DownloadHandler.fromInputStream(event -> {
            StringWriter csv = new StringWriter();
            writeCsv(csv);
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv; charset=UTF-8", bytes.length);
        }), downloadLabel);
        download.getElement().setAttribute("download", true);
        download.addClassName("chart-download");
        tableView = new Details(tableLabel, table, download);
        add(new H3(title), holder, tableView);
    }

    /** Draws the chart ({@code type}: line or bar) and fills the table with the same numbers. */
    void show(String type, List<String> labels, List<Series> series, List<String> formattedHeader,
              List<List<String>> formattedRows) {
        var config = config(type, labels, series, getLocale());
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
        tableHeader = List.copyOf(formattedHeader);
        tableRows = List.copyOf(formattedRows);
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

    /** The longest axis label drawn; a longer one is cut with an ellipsis (the table view names it in full). */
    static final int LABEL_LENGTH = 24;

    /**
     * Chart.js's configuration. The axis numbers follow the user's language ("2.500" on a German page), and a
     * long label (a product's full name) is shortened, or rotated it would squeeze the bars into a corner.
     */
    static Map<String, Object> config(String type, List<String> labels, List<Series> series, Locale locale) {
        var datasets = series.stream().map(s -> Map.of("label", s.label(), "data", s.values(),
                "borderColor", s.color(), "backgroundColor", s.color(), "fill", false, "tension", 0.2)).toList();
        List<String> shortLabels = labels.stream().map(label -> label == null || label.length() <= LABEL_LENGTH ? label
                : label.substring(0, LABEL_LENGTH - 1).strip() + "…").toList();
        return Map.of("type", type, "data", Map.of("labels", shortLabels, "datasets", datasets),
                "options", Map.of("responsive", true, "maintainAspectRatio", false, "animation", false,
                        "locale", locale.toLanguageTag()));
    }

    /** The table view as CSV, the same cells as on screen. */
    void writeCsv(Writer out) {
        try {
            Exports.writeTable(tableHeader, tableRows, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
