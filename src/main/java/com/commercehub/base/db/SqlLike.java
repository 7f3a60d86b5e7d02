package com.commercehub.base.db;

import java.util.Locale;

/**
 * Search text for SQL {@code LIKE ... ESCAPE '!'}: what the user typed is matched literally, so % and _
 * are not wildcards.
 */
public final class SqlLike {

    private SqlLike() {
    }

    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Matches values containing {@code search} (blank matches everything). */
    public static String contains(String search) {
        return "%" + escape(search == null ? "" : search.strip()) + "%";
    }

    /** Matches upper-cased values starting with {@code search}. */
    public static String upperPrefix(String search) {
        return escape(search == null ? "" : search.strip()).toUpperCase(Locale.ROOT) + "%";
    }
}
