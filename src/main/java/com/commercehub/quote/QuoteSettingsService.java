package com.commercehub.quote;

import com.commercehub.base.security.Role;
import com.commercehub.crm.CrmValidationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Quote numbering (prefix and next number) and the defaults of new quotes (expiry, purchase terms). */
@Service
public class QuoteSettingsService {

    static final int MAX_EXPIRY_DAYS = 365;
    private static final Pattern PREFIX = Pattern.compile("[\\p{L}\\p{N}_./-]{0,20}");

    private final JdbcClient jdbc;

    QuoteSettingsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public QuoteSettings get() {
        return read(false);
    }

    /**
     * Saves the settings. The next number may only move forward, so a number is never given twice
     * under the same prefix.
     */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public QuoteSettings update(long expectedVersion, String prefix, long nextNumber, int expiryDays,
                                String defaultTerms) {
        QuoteSettings current = read(true);
        if (current.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("quote settings changed");
        }
        Map<String, String> problems = new HashMap<>();
        String cleanPrefix = prefix == null ? "" : prefix.strip();
        if (!PREFIX.matcher(cleanPrefix).matches()) {
            problems.put("prefix", "quote.settings.prefix-invalid");
        }
        if (nextNumber < current.nextNumber()) {
            problems.put("nextNumber", "quote.settings.next-number-backwards");
        }
        if (expiryDays < 1 || expiryDays > MAX_EXPIRY_DAYS) {
            problems.put("expiryDays", "quote.settings.expiry-range");
        }
        if (!problems.isEmpty()) {
            throw new CrmValidationException(problems);
        }
        jdbc.sql("""
                        UPDATE quote_settings SET number_prefix = :prefix, next_number = :next, expiry_days = :days,
                               default_terms = :terms, version = version + 1 WHERE id = 1""")
                .param("prefix", cleanPrefix).param("next", nextNumber).param("days", expiryDays)
                .param("terms", defaultTerms == null || defaultTerms.isBlank() ? null : defaultTerms.strip())
                .update();
        return read(false);
    }

    /**
     * Takes the next quote number. Runs inside the caller's transaction and locks the settings row
     * until it ends, so concurrent creations get consecutive numbers and a rollback returns its number.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String takeNumber() {
        QuoteSettings settings = read(true);
        jdbc.sql("UPDATE quote_settings SET next_number = next_number + 1 WHERE id = 1").update();
        return settings.numberPrefix() + settings.nextNumber();
    }

    private QuoteSettings read(boolean lock) {
        return jdbc.sql("SELECT version, number_prefix, next_number, expiry_days, default_terms FROM quote_settings"
                        + " WHERE id = 1" + (lock ? " FOR UPDATE" : ""))
                .query((rs, n) -> new QuoteSettings(rs.getLong("version"), rs.getString("number_prefix"),
                        rs.getLong("next_number"), rs.getInt("expiry_days"), rs.getString("default_terms")))
                .single();
    }
}
