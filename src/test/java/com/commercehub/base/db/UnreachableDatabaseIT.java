package com.commercehub.base.db;

import com.commercehub.Application;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseIT {

    @Test
    void an_unreachable_external_database_fails_start_up_with_one_clear_message(CapturedOutput output) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:mariadb://127.0.0.1:" + closedPort + "/hub";
        // Command-line arguments, as DB_URL would, outrank application.properties.
        assertThatThrownBy(() -> {
            try (var unexpected = new SpringApplicationBuilder(Application.class).run("--hub.db.url=" + url,
                    "--hub.db.username=hub", "--hub.db.password=secret", "--server.port=0")) {
                unexpected.getId();
            }
        })
                .isInstanceOf(DatabaseUnreachableException.class)
                .hasStackTraceContaining("Cannot connect to the database at " + url);

        assertThat(output.getOut() + output.getErr())
                .contains("Cannot connect to the database at " + url)
                .contains("Check DB_URL, DB_USER and DB_PASSWORD")
                .doesNotContain("secret")
                .doesNotContain("Starting embedded MariaDB");
    }
}
