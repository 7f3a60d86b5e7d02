package com.commercehub.base.db;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that may run right after another transaction committed (an after-commit event listener) must
 * not join that finished transaction: its writes would silently never commit. It gets its own.
 */
public final class OwnTransactions {

    private OwnTransactions() {
    }

    /** A template like {@code template} whose every execution runs in a new transaction. */
    public static TransactionTemplate of(TransactionTemplate template) {
        TransactionTemplate own = new TransactionTemplate(template.getTransactionManager());
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own;
    }
}
