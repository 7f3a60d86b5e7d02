package com.commercehub;

import com.commercehub.base.backup.BackupCommand;
import com.commercehub.dashboard.RollupRebuildCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class Application {

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args));
        }
        if (RollupRebuildCommand.handles(args)) {
            System.exit(RollupRebuildCommand.run(args));
        }
        SpringApplication.run(Application.class, args);
    }

    /** The one source of "now"; tests and the Stripe sandbox's clock replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
