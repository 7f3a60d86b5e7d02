package com.commercehub.mail;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox. Every few seconds it claims due messages (safe with several nodes: each message is
 * claimed by one sender), sends each over SMTP outside any database transaction, and records the attempt:
 * SENT, or PENDING again after an exponential backoff (30 s, 1 min, 2 min … capped at an hour), or FAILED once
 * the message has been tried for a day (or the server refused the recipient for good). Messages wait while no
 * SMTP server is configured.
 */
@Component
class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final OutboxStore store;
    private final SmtpGateway smtp;
    private final EmailProperties properties;
    private final Clock clock;
    // SMTP timeouts are long; a slow server must not hold up the app's one shared scheduler thread.
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("email-sender").daemon(true).factory());
    private final AtomicBoolean busy = new AtomicBoolean();

    EmailSender(OutboxStore store, SmtpGateway smtp, EmailProperties properties, Clock clock) {
        this.store = store;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${hub.mail.poll-interval:PT5S}", initialDelayString = "${hub.mail.initial-delay:PT5S}")
    void poll() {
        if (!smtp.configured() || !busy.compareAndSet(false, true)) {
            return;
        }
        worker.execute(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("E-mail sender run failed; it runs again shortly", e);
            } finally {
                busy.set(false);
            }
        });
    }

    /** One round: claim what is due and attempt each; returns the number of attempts made. */
    int runOnce() {
        if (!smtp.configured()) {
            return 0;
        }
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        List<Long> claimed = store.claim(now, properties.batchSize(), now.plus(properties.lease()), token);
        int attempts = 0;
        for (long id : claimed) {
            var message = store.load(id, token);
            if (message.isEmpty()) {
                continue;
            }
            attempt(message.get(), token);
            attempts++;
        }
        return attempts;
    }

    private void attempt(OutboxStore.Claimed message, String token) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        String error = null;
        boolean permanent = false;
        try {
            smtp.send(message, started);
        } catch (Exception failure) {
            error = smtp.describe(failure);
            permanent = SmtpGateway.permanent(failure);
        }
        long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        Instant finished = clock.instant();
        Instant next = error == null ? null : nextAttempt(message, finished, permanent);
        boolean stillOurs = store.recordAttempt(message, token, finished, millis, error, next);
        if (!stillOurs) {
            log.warn("E-mail {}: its claim ran out during the attempt (lease {}); another sender has it",
                    message.id(), properties.lease());
        } else if (error == null) {
            log.info("E-mail {} sent after {} attempt(s)", message.id(), message.attempts() + 1);
        } else if (next == null) {
            log.warn("E-mail {} FAILED after {} attempt(s): {}", message.id(), message.attempts() + 1, error);
        } else {
            log.info("E-mail {} attempt {} failed, next at {}: {}", message.id(), message.attempts() + 1, next, error);
        }
    }

    /** When to try again, or null to give up: retries stop a day after the first attempt, with one last try then. */
    Instant nextAttempt(OutboxStore.Claimed message, Instant now, boolean permanent) {
        if (permanent) {
            return null;
        }
        Instant firstAttempt = message.firstAttemptAt() == null ? now : message.firstAttemptAt();
        Instant deadline = firstAttempt.plus(properties.giveUpAfter());
        if (!now.isBefore(deadline)) {
            return null;
        }
        Instant next = now.plus(backoff(message.attempts() + 1));
        return next.isAfter(deadline) ? deadline : next;
    }

    /** The wait after the {@code failures}-th failed attempt: the first retry interval, doubling, capped. */
    Duration backoff(int failures) {
        Duration wait = properties.firstRetry();
        for (int i = 1; i < failures && wait.compareTo(properties.maxRetryInterval()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.maxRetryInterval()) > 0 ? properties.maxRetryInterval() : wait;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
