package com.commercehub;

import com.commercehub.base.db.SharedTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import com.commercehub.testsupport.ProductionJar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Data for a production jar, made through the app's own services: an application context of this JVM on the jar's
 * future database, key file and port (the sandbox connection remembers its webhook URL; on another port the jar would
 * connect anew), closed again before the jar starts on the same database.
 */
public final class JarSeeding {

    private JarSeeding() {
    }

    public static <T> T seed(SharedTestServer.Database database, Path dir, int port,
                             Function<ConfigurableApplicationContext, T> seeding) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("test")
                .run("--server.port=" + port, "--server.address=127.0.0.1", "--hub.db.url=" + database.jdbcUrl(),
                        "--hub.db.username=" + database.username(), "--hub.db.password=" + database.password(),
                        "--hub.secrets.key-file=" + dir.resolve("secret.key").toAbsolutePath())) {
            // Vaadin's security installs a JVM-wide strategy per context: use this one's for the secured services.
            context.getBeanProvider(SecurityContextHolderStrategy.class)
                    .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
            return seeding.apply(context);
        }
    }

    /** The jar's environment for the seeded database, with the data directory that holds the seeding's key file. */
    public static Map<String, String> environment(SharedTestServer.Database database, Path dir) {
        return Map.of("HUB_DATA_DIR", dir.toAbsolutePath().toString(), "DB_URL", database.jdbcUrl(),
                "DB_USER", database.username(), "DB_PASSWORD", database.password());
    }

    /**
     * The jar on the seeded database for many signed-in staff tabs from one address: the given heartbeat interval
     * and heap, sign-ins not rate-limited. Logs next to {@code dir}. Call {@code awaitReady()} next.
     */
    public static ProductionJar startForStaff(SharedTestServer.Database database, Path dir, int port, String heap,
                                              int heartbeatSeconds) throws IOException {
        return ProductionJar.start(port, dir.resolveSibling(dir.getFileName() + ".log"), environment(database, dir),
                List.of(heap), List.of("--server.address=127.0.0.1", "--vaadin.heartbeatInterval=" + heartbeatSeconds,
                        "--hub.security.new-sessions-per-minute=100000"));
    }
}
