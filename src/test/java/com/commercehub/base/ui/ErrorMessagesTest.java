package com.commercehub.base.ui;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shell's error handler tells the user, whatever depth the cause sits at. */
class ErrorMessagesTest {

    @Test
    void a_stale_write_asks_the_user_to_reload() {
        assertThat(UiInitializer.messageKeyFor(new RuntimeException("wrapped",
                new OptimisticLockingFailureException("product 1 changed"))))
                .isEqualTo("error.changed-by-someone-else");
    }

    @Test
    void a_refused_action_says_so() {
        assertThat(UiInitializer.messageKeyFor(new AccessDeniedException("no"))).isEqualTo("error.access-denied");
    }

    @Test
    void anything_else_gets_the_friendly_generic_message() {
        assertThat(UiInitializer.messageKeyFor(new IllegalStateException("boom"))).isEqualTo("error.generic");
    }
}
