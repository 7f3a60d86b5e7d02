package com.commercehub.base.db;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/**
 * The data source: the embedded MariaDB unless DB_URL points elsewhere (which
 * {@link ExternalDatabaseProbe} has already checked by the time this runs).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    /**
     * The server the pool talks to; closing it releases the embedded server after the pool closed. {@code joined}:
     * an embedded server another process (the running app) started.
     */
    record DatabaseEndpoint(String jdbcUrl, String username, String password,
                            EmbeddedMariaDb.Lease lease, boolean joined) implements AutoCloseable {
        @Override
        public String toString() {
            return "DatabaseEndpoint[" + jdbcUrl + "]";
        }

        @Override
        public void close() {
            if (lease != null) {
                lease.close();
            }
        }
    }

    @Bean
    DatabaseEndpoint databaseEndpoint(DatabaseProperties properties) {
        if (properties.embedded()) {
            if (properties.joinRunningServer()) {
                var running = EmbeddedMariaDb.joinRunning(properties.embeddedDir(), properties.database());
                if (running.isPresent()) {
                    return new DatabaseEndpoint(running.get().jdbcUrl(), running.get().username(),
                            running.get().password(), null, true);
                }
            }
            EmbeddedMariaDb.Lease lease = EmbeddedMariaDb.acquire(properties.embeddedDir(), properties.database(),
                    properties.freshDatabase(), properties.allowTemporaryDir());
            return new DatabaseEndpoint(lease.jdbcUrl(), lease.username(), lease.password(), lease, false);
        }
        return new DatabaseEndpoint(properties.url(), properties.username(), properties.password(), null, false);
    }

    @Bean
    HikariDataSource dataSource(DatabaseEndpoint endpoint, DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(endpoint.jdbcUrl());
        dataSource.setUsername(endpoint.username());
        dataSource.setPassword(endpoint.password());
        dataSource.setPoolName("hub");
        dataSource.setMaximumPoolSize(properties.poolSize());
        dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
        return dataSource;
    }
}
