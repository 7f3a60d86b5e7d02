package com.commercehub.base.db;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Tries an external database (DB_URL) once, with a short timeout, as soon as the configuration is
 * known and before the web server starts, so a wrong URL or a stopped server ends start-up with one
 * clear report instead of pool retries and stack traces. Registered in META-INF/spring.factories.
 */
class ExternalDatabaseProbe implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String url = environment.getProperty("hub.db.url", "");
        if (url.isBlank()) {
            return;
        }
        Properties info = new Properties();
        info.setProperty("user", environment.getProperty("hub.db.username", ""));
        info.setProperty("password", environment.getProperty("hub.db.password", ""));
        info.setProperty("connectTimeout", "5000");
        try (var connection = DriverManager.getConnection(url, info)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException(url, firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
