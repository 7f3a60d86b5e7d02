package com.commercehub.dashboard;

import com.commercehub.base.db.DatabaseOnlyConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * {@code java -jar commerce-hub.jar rebuild-rollups}: the dashboard's rollups rebuilt from the raw payment tables,
 * as the admin's "Rebuild figures" button does, for after a restore or a bulk import. Same configuration as the
 * app (environment variables, {@code --hub.…=} arguments) but only the database starts — no web server, no
 * schedulers; it uses the running app's embedded server if there is one, so it may run beside the app. Having
 * the server's shell is the authorisation, so it calls the rebuild directly, in one transaction (readers see the
 * old figures until it commits).
 */
public final class RollupRebuildCommand {

    public static final String NAME = "rebuild-rollups";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;

    private RollupRebuildCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command and returns the process's exit code: 0 done, 1 failed, 2 misused. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        String[] springArgs = Arrays.copyOfRange(args, 1, args.length);
        if (Arrays.stream(springArgs).anyMatch(a -> !a.startsWith("--"))) {
            err.println("Usage: " + NAME + " [--hub.…=value …]");
            return REFUSED;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("hub.db.join-running-server=true", "logging.level.root=warn")
                .run(springArgs)) {
            DataSource dataSource = context.getBean(DataSource.class);
            RollupRebuild rebuild = new RollupRebuild(JdbcClient.create(dataSource));
            Long counted = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                    .execute(tx -> rebuild.rebuildNow());
            out.println("Rollups rebuilt: " + counted + " payments counted.");
            return OK;
        } catch (RuntimeException e) {
            // Start-up failures (an unreachable DB_URL, a busy data folder) were already reported by Spring's analyzers.
            err.println(NAME + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        }
    }

    @Import(DatabaseOnlyConfiguration.class)
    static class CommandContext {
    }
}
