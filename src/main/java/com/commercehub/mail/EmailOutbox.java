package com.commercehub.mail;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The one way to send an e-mail: put it in the outbox inside the transaction of the change it reports.
 * It is stored only if that transaction commits, and sent afterwards by the outbox's sender (retried until it
 * goes through, for up to a day). Not secured on purpose: public buyer pages cause e-mails too, and this only
 * writes to the outbox.
 */
@Service
public class EmailOutbox {

    private final OutboxStore store;
    private final SmtpGateway smtp;
    private final Clock clock;

    EmailOutbox(OutboxStore store, SmtpGateway smtp, Clock clock) {
        this.store = store;
        this.smtp = smtp;
        this.clock = clock;
    }

    /**
     * Stores {@code email} for sending, in the caller's transaction (there must be one: call it inside the
     * use case's {@code @Transactional} method, not from an after-commit listener). With a dedupe key that is
     * already stored (committed, or earlier in this transaction), nothing new is stored. Cheap: no SMTP here.
     *
     * @return the id of the stored message (the earlier one for a repeated dedupe key)
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long enqueue(OutgoingEmail email) {
        EmailStatus status = smtp.configured() ? EmailStatus.PENDING : EmailStatus.WAITING;
        try {
            return store.insert(email, status, clock.instant());
        } catch (DuplicateKeyException repeated) {
            // MariaDB undoes only the refused statement, so the caller's transaction carries on; the
            // exception is handled here, inside the transactional method, so it does not mark it rollback-only.
            return store.idForDedupeKey(email.dedupeKey()).orElseThrow(() -> repeated);
        }
    }
}
