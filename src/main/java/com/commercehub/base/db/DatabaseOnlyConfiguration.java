package com.commercehub.base.db;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;

/**
 * The database and nothing else, for commands that run without the web application (backup, restore). Not a
 * {@code @Configuration}, so the app's component scan leaves it out; commands name it as their source.
 */
@Import(DatabaseConfiguration.class)
public class DatabaseOnlyConfiguration {

    @Bean
    DatabaseDumps databaseDumps(DatabaseConfiguration.DatabaseEndpoint endpoint, DatabaseProperties properties,
                                DataSource dataSource) {
        return new DatabaseDumps(endpoint, properties, dataSource);
    }
}
