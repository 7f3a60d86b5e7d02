package com.commercehub.sandbox;

import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.time.BusinessTimeMoved;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * Settles SEPA Direct Debits once their time on the sandbox clock has come: checked every few seconds
 * (a debit settles three sandbox minutes after the buyer paid) and right after the clock is advanced.
 */
@Component
class DebitSettlement {

    private final CheckoutResources checkout;
    private final SandboxTime time;
    private final PaymentProcessorMode mode;
    private final TransactionTemplate transactions;

    DebitSettlement(CheckoutResources checkout, SandboxTime time, PaymentProcessorMode mode,
                    TransactionTemplate transactions) {
        this.checkout = checkout;
        this.time = time;
        this.mode = mode;
        // Also runs right after the clock's transaction committed: it needs a transaction of its own.
        this.transactions = new TransactionTemplate(transactions.getTransactionManager());
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Scheduled(fixedDelayString = "${hub.sandbox.settlement-check:PT5S}", initialDelayString = "PT10S")
    void settleDue() {
        if (!mode.isSandbox()) {
            return;
        }
        transactions.executeWithoutResult(status -> checkout.settleDebits(new Call("POST", "/sandbox/settlement",
                Map.of(), new Params(Map.of()), null, null, time.now(), "")));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onClockAdvanced(BusinessTimeMoved moved) {
        settleDue();
    }
}
