package com.commercehub.sandbox;

import com.commercehub.base.db.OwnTransactions;
import com.commercehub.base.payments.PaymentProcessorMode;
import com.commercehub.base.time.BusinessTimeMoved;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;

/**
 * What falls due on the sandbox clock besides renewals: SEPA Direct Debits settle (three sandbox
 * minutes after the buyer paid) and open invoices past their due date send {@code invoice.overdue}.
 * Checked every few seconds and right after the clock is advanced.
 */
@Component
class SandboxDueWork {

    private final CheckoutResources checkout;
    private final InvoiceResources invoices;
    private final SandboxTime time;
    private final PaymentProcessorMode mode;
    private final TransactionTemplate transactions;

    SandboxDueWork(CheckoutResources checkout, InvoiceResources invoices, SandboxTime time, PaymentProcessorMode mode,
                   TransactionTemplate transactions) {
        this.checkout = checkout;
        this.invoices = invoices;
        this.time = time;
        this.mode = mode;
        // Also runs right after the clock's transaction committed.
        this.transactions = OwnTransactions.of(transactions);
    }

    @Scheduled(fixedDelayString = "${hub.sandbox.settlement-check:PT5S}", initialDelayString = "PT10S")
    void runDue() {
        if (!mode.isSandbox()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            Call call = new Call("POST", "/sandbox/due-work", Map.of(), new Params(Map.of()), null, null, time.now(), "");
            checkout.settleDebits(call);
            invoices.flagOverdue(call);
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onClockAdvanced(BusinessTimeMoved moved) {
        runDue();
    }
}
