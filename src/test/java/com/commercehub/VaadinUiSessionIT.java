package com.commercehub;

import com.commercehub.base.db.SharedTestServer;
import com.commercehub.buyer.TwentyLineQuote;
import com.commercehub.quote.QuoteDetails;
import com.commercehub.testsupport.ProductionJar;
import com.commercehub.testsupport.StaffHttpSession;
import com.commercehub.testsupport.VaadinUiSession;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP driver the Vaadin benchmarks use speaks the packaged jar's protocol: a signed-in rep opens the quote
 * builder on a 20-line draft without a browser, sees its lines, changes a quantity (the builder saves it and the
 * line's amount follows), and keeps the tab alive with heartbeats; a UI id the server never made is refused.
 */
class VaadinUiSessionIT {

    @Test
    void a_rep_edits_the_quote_builder_over_http() throws Exception {
        int port = ProductionJar.freePort();
        Path dir = Files.createDirectories(Path.of("target", "production-jar", "driver-" + UUID.randomUUID()));
        SharedTestServer.Database database = SharedTestServer.freshDatabase("hub_vaadin_driver");
        try (AutoCloseable lease = database.lease()) {
            QuoteDetails quote = JarSeeding.seed(database, dir, port, TwentyLineQuote::draft);
            try (ProductionJar jar = ProductionJar.start(port, dir.resolveSibling(dir.getFileName() + ".log"),
                    JarSeeding.environment(database, dir), List.of("-Xmx512m"), List.of("--server.address=127.0.0.1"))) {
                jar.awaitReady();
                StaffHttpSession rep = StaffHttpSession.signIn(port, "sam@example.com", "correct horse battery staple 42");
                VaadinUiSession builder = VaadinUiSession.open(rep, "quotes/" + quote.id());

                assertThat(builder.shows("Acme platform rollout 2026")).as("the quote's title").isTrue();
                assertThat(builder.shows("Line 20 subscription")).as("the grid's last row").isTrue();
                assertThat(builder.shows("All changes saved")).isFalse();

                // The quantity field is drawn in the browser by the row's LitRenderer; its change calls the renderer.
                assertThat(builder.rowProperty("Line 1 service", "label").orElseThrow().asString())
                        .isEqualTo("Quantity · Line 1 service");
                builder.callRowFunction("Line 1 service", "quantity", "7");
                assertThat(builder.shows("All changes saved")).as("the builder saved the change").isTrue();
                assertThat(builder.rowProperty("Line 1 service", "quantity").orElseThrow().asString())
                        .as("the row sent again").isEqualTo("7");
                VaadinUiSession reopened = VaadinUiSession.open(rep, "quotes/" + quote.id());
                assertThat(reopened.rowProperty("Line 1 service", "quantity").orElseThrow().asString()).as("stored")
                        .isEqualTo("7");
                builder.callRowFunction("Line 2 service", "quantity", "0");
                assertThat(builder.rowProperty("Line 2 service", "invalid").orElseThrow().asBoolean())
                        .as("refused next to the field").isTrue();
                assertThat(builder.rowProperty("Line 2 service", "error").orElseThrow().asString()).isNotBlank();

                // The builder's buttons are action buttons: a press sends no details of the click, and Vaadin drops
                // one sent to a hidden button. Handled, a draft's Recall or Copy link would answer with a notification
                // ("cannot be recalled", "no link yet"); dropped, nothing appears.
                List<VaadinUiSession.Node> hiddenButtons = builder.hidden("vaadin-button");
                assertThat(hiddenButtons).as("a draft's Recall and Copy link").hasSizeGreaterThanOrEqualTo(2);
                for (VaadinUiSession.Node hidden : hiddenButtons) {
                    builder.click(hidden);
                }
                assertThat(builder.findAll(n -> "vaadin-notification".equals(n.tag()))).isEmpty();
                builder.click(builder.withText("vaadin-button", "Add discount or fee"));
                assertThat(builder.withTag("vaadin-dialog").property("headerTitle").orElseThrow().asString())
                        .as("the visible button opened its dialog").isEqualTo("Add discount or fee");

                builder.heartbeat();
                assertThat(builder.heartbeatIntervalSeconds()).isEqualTo(60);
                assertThatThrownBy(() -> VaadinUiSession.open(
                        StaffHttpSession.signIn(port, "sam@example.com", "wrong"), "quotes/" + quote.id()))
                        .isInstanceOf(AssertionError.class);
                assertThat(jar.stop(Duration.ofSeconds(60))).isTrue();
            }
        }
    }
}
