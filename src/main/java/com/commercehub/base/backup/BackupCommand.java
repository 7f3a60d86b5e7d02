package com.commercehub.base.backup;

import com.commercehub.base.db.DatabaseDumps;
import com.commercehub.base.db.DatabaseOnlyConfiguration;
import com.commercehub.base.db.DatabaseToolException;
import com.commercehub.base.secrets.SecretProperties;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar commerce-hub.jar backup <file>} and {@code restore <file> [--force]}: the same configuration as the
 * app (environment variables, {@code --hub.…=} arguments), but only the database is started — no web server, no
 * schedulers, no migrations. A backup may run while the app runs (it uses the app's embedded server); a restore wants
 * the app stopped.
 */
public final class BackupCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REFUSED = 2;

    private BackupCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && ("backup".equals(args[0]) || "restore".equals(args[0]));
    }

    /** Runs the command and returns the process's exit code: 0 done, 1 failed, 2 refused or misused. */
    public static int run(String... args) {
        return run(System.out, System.err, args);
    }

    static int run(PrintStream out, PrintStream err, String... args) {
        String command = args[0];
        Path file = null;
        boolean force = false;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if ("--force".equals(args[i]) && "restore".equals(command)) {
                force = true;
            } else if (args[i].startsWith("--")) {
                springArgs.add(args[i]);
            } else if (file == null) {
                file = Path.of(args[i]);
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            err.println("Usage: backup <file.zip> | restore <file.zip> [--force]");
            return REFUSED;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .properties("hub.db.join-running-server=true", "logging.level.root=warn")
                .run(springArgs.toArray(String[]::new))) {
            Backups backups = new Backups(context.getBean(DatabaseDumps.class), context.getBean(SecretProperties.class),
                    Clock.systemUTC(), appVersion());
            List<String> lines = "backup".equals(command) ? backups.backup(file) : backups.restore(file, force);
            lines.forEach(out::println);
            return OK;
        } catch (BackupRefusedException e) {
            err.println(command + " refused: " + e.getMessage());
            return REFUSED;
        } catch (DatabaseToolException | IOException e) {
            err.println(command + " failed: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // Start-up failures (an unreachable DB_URL, a busy data folder) were already reported by Spring's analyzers.
            err.println(command + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return FAILED;
        }
    }

    private static String appVersion() {
        String version = BackupCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Import(DatabaseOnlyConfiguration.class)
    @EnableConfigurationProperties(SecretProperties.class)
    static class CommandContext {
    }
}
