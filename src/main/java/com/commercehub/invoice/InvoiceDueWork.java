package com.commercehub.invoice;

import com.commercehub.base.time.BusinessCalendar;
import com.commercehub.base.time.BusinessTimeMoved;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Due dates on the business calendar (which the sandbox clock moves): an unpaid invoice past its due date
 * becomes overdue; the buyer is reminded on the due date and again the configured number of days after it.
 * Each invoice in its own transaction, so a conflict with a payment arriving at that moment skips one invoice
 * until the next run. One node at a time (ShedLock); a run by hand or after a clock advance is harmless.
 */
@Component
public class InvoiceDueWork {

    private final JdbcClient jdbc;
    private final InvoiceRepository invoices;
    private final InvoiceMails mails;
    private final InvoiceLinks links;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final TransactionTemplate transactions;

    InvoiceDueWork(JdbcClient jdbc, InvoiceRepository invoices, InvoiceMails mails, InvoiceLinks links,
                   BusinessCalendar calendar, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.mails = mails;
        this.links = links;
        this.calendar = calendar;
        this.clock = clock;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${hub.invoices.due-check:PT5M}", initialDelayString = "PT25S")
    @SchedulerLock(name = "invoice-due", lockAtMostFor = "PT4M")
    public void runOnSchedule() {
        run();
    }

    /** After the sandbox clock's move has committed, so that the calendar reads the new time. */
    @TransactionalEventListener(fallbackExecution = true)
    void onBusinessTimeMoved(BusinessTimeMoved moved) {
        run();
    }

    /** @return how many invoices changed (status or a reminder sent) */
    public int run() {
        LocalDate today = calendar.today();
        int lateAfter = jdbc.sql("SELECT reminder_days_after FROM invoice_settings WHERE id = 1").query(Integer.class).single();
        List<Long> due = jdbc.sql("""
                        SELECT id FROM invoice WHERE status IN ('OPEN', 'PARTIALLY_PAID', 'OVERDUE') AND (
                            (due_date < :today AND status <> 'OVERDUE')
                            OR (due_date <= :today AND NOT due_reminded)
                            OR (due_date <= :late AND NOT late_reminded))""")
                .param("today", Date.valueOf(today)).param("late", Date.valueOf(today.minusDays(lateAfter)))
                .query(Long.class).list();
        int changed = 0;
        for (long id : due) {
            try {
                Boolean done = transactions.execute(tx -> handle(id, today, lateAfter));
                changed += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // Paid or voided at this moment: the next run looks again.
            }
        }
        return changed;
    }

    private boolean handle(long id, LocalDate today, int lateAfter) {
        Invoice invoice = invoices.findById(id).orElseThrow();
        if (!invoice.status().collectible()) {
            return false;
        }
        boolean changed = invoice.refreshStatus(today, clock.instant());
        String token = links.reveal(invoice.tokenSealed());
        if (!invoice.lateReminded() && !invoice.dueDate().plusDays(lateAfter).isAfter(today)) {
            // Long past due: one overdue reminder stands in for the due-date one as well.
            invoice.remindedOnDueDate();
            invoice.remindedLate();
            mails.enqueue(invoice, token, InvoiceMails.Kind.OVERDUE);
            changed = true;
        } else if (!invoice.dueReminded() && !invoice.dueDate().isAfter(today)) {
            invoice.remindedOnDueDate();
            mails.enqueue(invoice, token, InvoiceMails.Kind.DUE);
            changed = true;
        }
        if (changed) {
            invoices.save(invoice);
        }
        return changed;
    }
}
