package com.commercehub.crm;

import com.commercehub.base.db.SqlLike;
import com.commercehub.base.security.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The people at companies who receive and sign quotes. */
@Service
public class ContactService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final String SELECT = """
            SELECT c.id, c.version, c.first_name, c.last_name, c.email, c.company, co.name AS company_name,
                   c.preferred_locale
            FROM contact c LEFT JOIN company co ON co.id = c.company""";

    private final ContactRepository contacts;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactService(ContactRepository contacts, JdbcClient jdbc, Clock clock) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<ContactSummary> page(String search, Pageable page) {
        return jdbc.sql(SELECT + """
                         WHERE CONCAT(c.first_name, ' ', c.last_name) LIKE :like ESCAPE '!' OR c.email LIKE :like ESCAPE '!'
                        ORDER BY c.last_name, c.first_name, c.id LIMIT :limit OFFSET :offset""")
                .param("like", SqlLike.contains(search)).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> summary(rs)).list();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count(String search) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM contact c
                        WHERE CONCAT(c.first_name, ' ', c.last_name) LIKE :like ESCAPE '!' OR c.email LIKE :like ESCAPE '!'""")
                .param("like", SqlLike.contains(search)).query(Integer.class).single();
    }

    /** Several contacts by id in one query. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<ContactSummary> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE c.id IN (:ids) ORDER BY c.last_name, c.first_name")
                .param("ids", ids).query((rs, n) -> summary(rs)).list();
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ContactSummary create(ContactDraft draft) {
        validate(draft, null);
        contacts.save(Contact.create(draft, clock.instant()));
        return byEmail(draft.email());
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ContactSummary update(long id, long expectedVersion, ContactDraft draft) {
        Contact contact = contacts.findById(id).filter(c -> c.version() == expectedVersion)
                .orElseThrow(() -> new OptimisticLockingFailureException("contact " + id + " changed"));
        validate(draft, id);
        contact.apply(draft, clock.instant());
        contacts.save(contact);
        return byEmail(draft.email());
    }

    private ContactSummary byEmail(String email) {
        return jdbc.sql(SELECT + " WHERE c.email = :email").param("email", email.strip().toLowerCase(Locale.ROOT))
                .query((rs, n) -> summary(rs)).single();
    }

    private void validate(ContactDraft draft, Long id) {
        Map<String, String> problems = new HashMap<>();
        if (draft.firstName() == null || draft.firstName().isBlank()) {
            problems.put("firstName", "crm.name.required");
        }
        if (draft.lastName() == null || draft.lastName().isBlank()) {
            problems.put("lastName", "crm.name.required");
        }
        if (draft.email() == null || !EMAIL.matcher(draft.email().strip()).matches()) {
            problems.put("email", "user.email.invalid");
        } else if (contacts.countByEmail(draft.email().strip(), id) > 0) {
            problems.put("email", "crm.contact.email-taken");
        }
        if (!problems.isEmpty()) {
            throw new CrmValidationException(problems);
        }
    }

    private static ContactSummary summary(ResultSet rs) throws SQLException {
        String locale = rs.getString("preferred_locale");
        return new ContactSummary(rs.getLong("id"), rs.getLong("version"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("email"), rs.getObject("company", Long.class),
                rs.getString("company_name"), locale == null ? null : Locale.forLanguageTag(locale));
    }
}
