package com.commercehub.product;

import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tax rates: administered by ADMIN, picked by everyone who prices products and quotes. */
@Service
public class TaxRateService {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final TaxRateRepository rates;
    private final Clock clock;

    TaxRateService(TaxRateRepository rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /** All rates, archived ones last; a business has a handful, so no paging. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<TaxRateSummary> all() {
        return rates.findAll().stream().map(TaxRate::summary)
                .sorted(Comparator.comparing(TaxRateSummary::archived).thenComparing(TaxRateSummary::name))
                .toList();
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.ADMIN, Role.Authority.SALES, Role.Authority.FINANCE})
    public List<TaxRateSummary> active() {
        return all().stream().filter(rate -> !rate.archived()).toList();
    }

    @Transactional
    @Secured(Role.Authority.ADMIN)
    public TaxRateSummary create(TaxRateDraft draft) {
        validate(draft, null);
        return save(TaxRate.create(draft, clock.instant())).summary();
    }

    @Transactional
    @Secured(Role.Authority.ADMIN)
    public TaxRateSummary update(long id, long expectedVersion, TaxRateDraft draft) {
        TaxRate rate = load(id, expectedVersion);
        validate(draft, id);
        rate.apply(draft, clock.instant());
        return save(rate).summary();
    }

    @Transactional
    @Secured(Role.Authority.ADMIN)
    public TaxRateSummary setArchived(long id, long expectedVersion, boolean archived) {
        TaxRate rate = load(id, expectedVersion);
        rate.setArchived(archived, clock.instant());
        return rates.save(rate).summary();
    }

    private TaxRate load(long id, long expectedVersion) {
        TaxRate rate = rates.findById(id).orElseThrow(() -> new OptimisticLockingFailureException("tax rate " + id));
        if (rate.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("tax rate " + id + " changed");
        }
        return rate;
    }

    private TaxRate save(TaxRate rate) {
        try {
            return rates.save(rate);
        } catch (DuplicateKeyException e) {
            throw new ProductValidationException(List.of(FieldProblem.of("name", "tax.name.taken")));
        }
    }

    private void validate(TaxRateDraft draft, Long id) {
        List<FieldProblem> problems = new ArrayList<>();
        if (draft.name() == null || draft.name().isBlank()) {
            problems.add(FieldProblem.of("name", "tax.name.required"));
        } else if (draft.name().strip().length() > 100) {
            problems.add(FieldProblem.of("name", "field.too-long", 100));
        } else {
            rates.findByName(draft.name().strip()).filter(other -> !other.id().equals(id))
                    .ifPresent(other -> problems.add(FieldProblem.of("name", "tax.name.taken")));
        }
        BigDecimal percentage = draft.percentage();
        if (percentage == null || percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0) {
            problems.add(FieldProblem.of("percentage", "tax.percentage.range"));
        } else if (percentage.stripTrailingZeros().scale() > 4) {
            problems.add(FieldProblem.of("percentage", "tax.percentage.decimals"));
        }
        if (draft.country() != null && !draft.country().isBlank()
                && !COUNTRIES.contains(draft.country().strip().toUpperCase(Locale.ROOT))) {
            problems.add(FieldProblem.of("country", "tax.country.invalid"));
        }
        if (!problems.isEmpty()) {
            throw new ProductValidationException(problems);
        }
    }
}
