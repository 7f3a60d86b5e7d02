package com.commercehub.base.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseDumpsTest {

    @Test
    void host_port_and_database_come_from_the_jdbc_url_of_db_url() {
        assertThat(DatabaseDumps.parse("jdbc:mariadb://db.internal:3307/hub?useSsl=true").toString())
                .isEqualTo("Server[host=db.internal, port=3307, database=hub]");
        assertThat(DatabaseDumps.parse("jdbc:mariadb://db.internal/hub").toString())
                .isEqualTo("Server[host=db.internal, port=3306, database=hub]");
        assertThat(DatabaseDumps.parse("jdbc:mariadb:sequential://galera-1:3306,galera-2:3306/hub").toString())
                .isEqualTo("Server[host=galera-1, port=3306, database=hub]");
        assertThat(DatabaseDumps.parse("jdbc:mariadb://[::1]:3310/hub").toString())
                .isEqualTo("Server[host=::1, port=3310, database=hub]");
    }

    @Test
    void a_url_without_host_or_database_is_refused_with_the_url_named() {
        assertThatThrownBy(() -> DatabaseDumps.parse("jdbc:mariadb://db.internal:3306/"))
                .isInstanceOf(DatabaseToolException.class).hasMessageContaining("db.internal");
        assertThatThrownBy(() -> DatabaseDumps.parse("jdbc:mariadb://address=(host=a)(port=1)/hub"))
                .isInstanceOf(DatabaseToolException.class);
    }
}
