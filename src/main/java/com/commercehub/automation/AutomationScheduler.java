package com.commercehub.automation;

import com.commercehub.base.time.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs due workflow steps, on every node, every {@code hub.automation.poll-interval} (10 s), so a step runs
 * within seconds of its due time in business time. Each step is its own READ COMMITTED transaction that
 * locks the row with SKIP LOCKED: nodes split the work, a step finished elsewhere is no longer PENDING, and a
 * node that dies mid-step leaves it PENDING for the next poll. A failing step is retried (1 min doubling,
 * at most {@value #MAX_ATTEMPTS} tries), then FAILED with the reason.
 */
@Component
class AutomationScheduler {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(AutomationScheduler.class);

    private final JdbcClient jdbc;
    private final StepExecutor executor;
    private final BusinessCalendar calendar;
    private final TransactionTemplate steps;
    private final Duration firstRetry;

    AutomationScheduler(JdbcClient jdbc, StepExecutor executor, BusinessCalendar calendar,
                        PlatformTransactionManager transactions,
                        @Value("${hub.automation.first-retry:PT1M}") Duration firstRetry) {
        this.jdbc = jdbc;
        this.executor = executor;
        this.calendar = calendar;
        this.steps = new TransactionTemplate(transactions);
        this.steps.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.firstRetry = firstRetry;
    }

    @Scheduled(fixedDelayString = "${hub.automation.poll-interval:PT10S}",
            initialDelayString = "${hub.automation.initial-delay:PT15S}")
    public void poll() {
        runOnce();
    }

    /** Runs every step due now (in batches of 100); returns how many this call finished. */
    int runOnce() {
        int finished = 0;
        while (true) {
            Instant now = calendar.now();
            List<Long> due = jdbc.sql("""
                            SELECT id FROM automation_step WHERE status = 'PENDING' AND due_at <= :now
                            ORDER BY due_at, id LIMIT 100""")
                    .param("now", Timestamp.from(now)).query(Long.class).list();
            int batch = 0;
            for (long id : due) {
                batch += runStep(id, now) ? 1 : 0;
            }
            finished += batch;
            if (due.size() < 100 || batch == 0) {
                return finished;
            }
        }
    }

    private boolean runStep(long id, Instant now) {
        try {
            Optional<StepStatus> outcome = steps.execute(tx -> executor.run(id, now));
            return outcome != null && outcome.isPresent();
        } catch (StepExecutor.NotPossible e) {
            recordFailure(id, now, e.getMessage(), true);
        } catch (RuntimeException e) {
            log.warn("Workflow step {} failed: {}", id, e.toString());
            recordFailure(id, now, e.toString(), false);
        }
        return true;
    }

    private void recordFailure(long id, Instant now, String error, boolean final_) {
        steps.executeWithoutResult(tx -> {
            Integer attempts = jdbc.sql("SELECT attempts FROM automation_step WHERE id = :id AND status = 'PENDING' FOR UPDATE")
                    .param("id", id).query(Integer.class).optional().orElse(null);
            if (attempts == null) {
                return;
            }
            int tries = attempts + 1;
            boolean giveUp = final_ || tries >= MAX_ATTEMPTS;
            Instant next = now.plus(firstRetry.multipliedBy(1L << Math.min(tries - 1, 10)));
            jdbc.sql("""
                            UPDATE automation_step SET attempts = :tries, last_error = :error, due_at = :next,
                                status = :status, finished_at = :finished WHERE id = :id""")
                    .param("tries", tries).param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                    .param("next", Timestamp.from(giveUp ? now : next)).param("status", giveUp ? "FAILED" : "PENDING")
                    .param("finished", giveUp ? Timestamp.from(now) : null).param("id", id).update();
        });
    }
}
