package com.commercehub.crm;

import com.commercehub.base.db.SqlLike;
import com.commercehub.base.security.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Companies deals are made with. */
@Service
public class CompanyService {

    private final CompanyRepository companies;
    private final JdbcClient jdbc;
    private final Clock clock;

    CompanyService(CompanyRepository companies, JdbcClient jdbc, Clock clock) {
        this.companies = companies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<CompanySummary> page(String search, Pageable page) {
        return jdbc.sql("""
                        SELECT id, version, name, domain, address, country FROM company
                        WHERE name LIKE :like ESCAPE '!' OR domain LIKE :like ESCAPE '!'
                        ORDER BY name, id LIMIT :limit OFFSET :offset""")
                .param("like", SqlLike.contains(search)).param("limit", page.getPageSize()).param("offset", page.getOffset())
                .query((rs, n) -> new CompanySummary(rs.getLong("id"), rs.getLong("version"), rs.getString("name"),
                        rs.getString("domain"), rs.getString("address"), rs.getString("country")))
                .list();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count(String search) {
        return jdbc.sql("SELECT COUNT(*) FROM company WHERE name LIKE :like ESCAPE '!' OR domain LIKE :like ESCAPE '!'")
                .param("like", SqlLike.contains(search)).query(Integer.class).single();
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public CompanySummary create(CompanyDraft draft) {
        validate(draft);
        return companies.save(Company.create(draft, clock.instant())).summary();
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public CompanySummary update(long id, long expectedVersion, CompanyDraft draft) {
        Company company = companies.findById(id).filter(c -> c.version() == expectedVersion)
                .orElseThrow(() -> new OptimisticLockingFailureException("company " + id + " changed"));
        validate(draft);
        company.apply(draft, clock.instant());
        return companies.save(company).summary();
    }

    private static void validate(CompanyDraft draft) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw new CrmValidationException(Map.of("name", "crm.name.required"));
        }
    }
}
