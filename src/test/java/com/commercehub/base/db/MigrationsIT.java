package com.commercehub.base.db;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@ActiveProfiles("test")
class MigrationsIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_migration_file_applied_successfully_on_mariadb() throws IOException {
        String server = jdbc.sql("SELECT VERSION()").query(String.class).single();
        assertThat(server).containsIgnoringCase("mariadb");
        int failed = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success").query(Integer.class).single();
        List<String> applied = jdbc.sql("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .query(String.class).list();
        assertThat(failed).isZero();
        assertThat(applied).hasSize(migrationFiles().size())
                .containsExactlyInAnyOrderElementsOf(migrationFiles());
    }

    /** The versions of every {@code V<n>__<what>.sql} shipped on the classpath, oldest first. */
    static List<String> migrationFiles() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
        assertThat(files).isNotEmpty();
        return Arrays.stream(files).map(Resource::getFilename)
                .map(name -> name.substring(1, name.indexOf("__")).replace('_', '.'))
                .sorted(Comparator.comparing(MigrationVersion::fromVersion)).toList();
    }

    @Test
    void migrations_come_from_the_classpath_whatever_the_working_directory() {
        assertThat(new org.springframework.core.io.ClassPathResource("db/migration/V1__users_and_setup.sql").exists())
                .isTrue();
        assertThat(locations).isEqualTo("classpath:db/migration");
    }

    @org.springframework.beans.factory.annotation.Value("${spring.flyway.locations}")
    String locations;

    @Test
    void tables_are_innodb_and_utf8mb4() {
        var tables = jdbc.sql("""
                        SELECT table_name, engine, table_collation FROM information_schema.tables
                        WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'""")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3)).list();
        assertThat(tables).extracting(t -> t.split(":")[0]).contains("app_user", "app_user_role", "setup_token");
        assertThat(tables).allSatisfy(t -> assertThat(t).contains(":InnoDB:utf8mb4"));
    }
}
