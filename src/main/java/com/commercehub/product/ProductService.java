package com.commercehub.product;

import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The product library: browse, edit, archive, delete. */
@Service
public class ProductService {

    private final ProductRepository products;
    private final ProductQueries queries;
    private final TaxRateRepository taxRates;
    private final List<ProductUsage> usages;
    private final Clock clock;

    ProductService(ProductRepository products, ProductQueries queries, TaxRateRepository taxRates,
                   List<ProductUsage> usages, Clock clock) {
        this.products = products;
        this.queries = queries;
        this.taxRates = taxRates;
        this.usages = usages;
        this.clock = clock;
    }

    /** A page of the library for the grid, in one query. */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<ProductListEntry> page(ProductFilter filter, Pageable pageable) {
        return queries.page(filter, pageable);
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public int count(ProductFilter filter) {
        return queries.count(filter);
    }

    /** Every product matching the filter, streamed in name order (for exports). */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public void forEach(ProductFilter filter, Consumer<ProductDetails> action) {
        queries.forEach(filter, action);
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public ProductDetails get(long id) {
        return products.findById(id).map(Product::details)
                .orElseThrow(() -> new OptimisticLockingFailureException("product " + id + " is gone"));
    }

    /** The library descriptions of the given products (those without one are left out). */
    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public java.util.Map<Long, String> descriptions(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> result = new java.util.HashMap<>();
        products.findAllById(ids).forEach(product -> {
            String description = product.details().description();
            if (description != null) {
                result.put(product.details().id(), description);
            }
        });
        return result;
    }

    @Transactional(readOnly = true)
    @Secured({Role.Authority.SALES, Role.Authority.FINANCE, Role.Authority.ADMIN})
    public List<String> currenciesInUse() {
        return queries.currenciesInUse();
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ProductDetails create(ProductDraft draft) {
        validate(draft, null);
        return save(Product.create(draft, Actors.current(), clock.instant())).details();
    }

    /** Saves an edit; refused when someone else saved the product since {@code expectedVersion}. */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ProductDetails update(long id, long expectedVersion, ProductDraft draft) {
        Product product = load(id, expectedVersion);
        validate(draft, id);
        product.apply(draft, Actors.current(), clock.instant());
        return save(product).details();
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ProductDetails archive(long id, long expectedVersion) {
        Product product = load(id, expectedVersion);
        product.archive(Actors.current(), clock.instant());
        return products.save(product).details();
    }

    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public ProductDetails restore(long id, long expectedVersion) {
        Product product = load(id, expectedVersion);
        product.restore(Actors.current(), clock.instant());
        return products.save(product).details();
    }

    /**
     * Deletes a product that was never put on a deal or quote. A used product must stay for the
     * records that refer to it: {@link ProductInUseException} says why, and the user archives instead.
     */
    @Transactional
    @Secured({Role.Authority.SALES, Role.Authority.ADMIN})
    public void delete(long id, long expectedVersion) {
        Product product = load(id, expectedVersion);
        for (ProductUsage usage : usages) {
            long uses = usage.countUses(id);
            if (uses > 0) {
                throw new ProductInUseException(usage.reasonKey(), uses);
            }
        }
        products.delete(product);
    }

    private Product load(long id, long expectedVersion) {
        Product product = products.findById(id)
                .orElseThrow(() -> new OptimisticLockingFailureException("product " + id + " is gone"));
        if (product.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("product " + id + " changed");
        }
        return product;
    }

    private void validate(ProductDraft draft, Long id) {
        Set<Long> knownRates = new HashSet<>();
        taxRates.findAll().forEach(rate -> knownRates.add(rate.id()));
        List<FieldProblem> problems = new ArrayList<>(ProductRules.check(draft, knownRates));
        if (draft.sku() != null && !draft.sku().isBlank() && products.countBySku(draft.sku().strip(), id) > 0) {
            problems.add(FieldProblem.of("sku", "product.sku.taken"));
        }
        if (!problems.isEmpty()) {
            throw new ProductValidationException(problems);
        }
    }

    /** The unique index is the last word on SKUs when two users save the same one at once. */
    private Product save(Product product) {
        try {
            return products.save(product);
        } catch (DuplicateKeyException e) {
            throw new ProductValidationException(List.of(FieldProblem.of("sku", "product.sku.taken")));
        }
    }
}
