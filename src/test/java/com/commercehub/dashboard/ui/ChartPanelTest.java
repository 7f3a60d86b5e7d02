package com.commercehub.dashboard.ui;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartPanelTest {

    @Test
    void a_german_chart_numbers_in_german_and_a_long_product_name_is_shortened_on_the_axis_only() {
        String longName = "Datenmigration aus dem Altsystem (Übernahme aller Stammdaten und Belege)";
        Map<String, Object> config = ChartPanel.config("bar", List.of(longName, "Support plan"),
                List.of(new ChartPanel.Series("Bruttoumsatz", List.of(1200, 99), "#1a73e8")), Locale.GERMAN);

        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) config.get("options");
        assertThat(options.get("locale")).as("Chart.js formats ticks and tooltips in this locale").isEqualTo("de");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) ((Map<String, Object>) config.get("data")).get("labels");
        assertThat(labels.getFirst()).hasSizeLessThanOrEqualTo(ChartPanel.LABEL_LENGTH).startsWith("Datenmigration").endsWith("…");
        assertThat(labels.get(1)).isEqualTo("Support plan");
    }
}
