package com.commercehub.sandbox;

import com.commercehub.base.security.Role;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADMIN, sandbox only: makes the sandbox's API misbehave as Stripe sometimes does, so that retries, backoff and
 * idempotency keys are proven over real HTTP. Nothing is armed unless switched on: the next {@code count}
 * matching requests answer 500 or 429 before doing anything, or do their work and then answer only after a
 * delay longer than the client waits (the answer is lost, the object exists — the case idempotency keys are for).
 * <p>
 * Every request the sandbox API receives is journalled (method, path, Idempotency-Key, status, fault, replayed),
 * the last {@value #JOURNAL_SIZE} of them, so a test can see that each retry carried the same key.
 */
@Service
public class SandboxFaults {

    static final int JOURNAL_SIZE = 500;

    public enum Kind {
        /** 500 with Stripe's {@code api_error} body; nothing executed, nothing stored under the key. */
        SERVER_ERROR,
        /** 429 with Stripe's {@code rate_limit} body; nothing executed. */
        RATE_LIMITED,
        /** Executed and stored as usual, then answered only after the delay. */
        TIMEOUT
    }

    /** One switch: the next {@code remaining} requests matching method (null: any) and path prefix (null: any). */
    public record Fault(Kind kind, int remaining, String method, String pathPrefix, Duration delay) {

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (pathPrefix == null || path.startsWith(pathPrefix));
        }
    }

    /** One request as the sandbox saw it; {@code fault} is null for a request answered normally. */
    public record Request(Instant at, String method, String path, String idempotencyKey, int status, Kind fault,
                          boolean replayed) {
    }

    private final Clock clock;
    /** Guarded by {@code this}, like the journal: a fault is taken by exactly one request. */
    private Fault armed;
    private final Deque<Request> journal = new ArrayDeque<>();

    SandboxFaults(Clock clock) {
        this.clock = clock;
    }

    /**
     * Arms a fault for the next {@code count} matching requests, replacing any armed one.
     *
     * @param method     HTTP method to match ("POST"), or null for any
     * @param pathPrefix path below the API base ("/v1/checkout/sessions"), or null for any
     * @param delay      how long a {@link Kind#TIMEOUT} request holds its answer (ignored otherwise)
     */
    @Secured(Role.Authority.ADMIN)
    public synchronized void failNext(Kind kind, int count, String method, String pathPrefix, Duration delay) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("count must be 1..1000");
        }
        if (kind == Kind.TIMEOUT && (delay == null || delay.isNegative() || delay.compareTo(Duration.ofMinutes(2)) > 0)) {
            throw new IllegalArgumentException("a timeout needs a delay of at most 2 minutes");
        }
        armed = new Fault(kind, count, method == null ? null : method.toUpperCase(Locale.ROOT), pathPrefix,
                kind == Kind.TIMEOUT ? delay : Duration.ZERO);
    }

    /** Switches the fault off; what was journalled stays. */
    @Secured(Role.Authority.ADMIN)
    public synchronized void clear() {
        armed = null;
    }

    /** The armed fault with what is left of it, if any. */
    @Secured(Role.Authority.ADMIN)
    public synchronized Optional<Fault> armed() {
        return Optional.ofNullable(armed);
    }

    /** The journalled requests, oldest first. */
    @Secured(Role.Authority.ADMIN)
    public synchronized List<Request> requests() {
        return List.copyOf(journal);
    }

    /** Forgets the journal (tests start from a clean one). */
    @Secured(Role.Authority.ADMIN)
    public synchronized void forgetRequests() {
        journal.clear();
    }

    /** Takes one use of the armed fault if this request matches it. */
    synchronized Optional<Fault> take(String method, String path) {
        if (armed == null || !armed.matches(method, path)) {
            return Optional.empty();
        }
        Fault taken = armed;
        armed = taken.remaining() <= 1 ? null
                : new Fault(taken.kind(), taken.remaining() - 1, taken.method(), taken.pathPrefix(), taken.delay());
        return Optional.of(taken);
    }

    synchronized void record(String method, String path, String idempotencyKey, int status, Kind fault, boolean replayed) {
        if (journal.size() >= JOURNAL_SIZE) {
            journal.removeFirst();
        }
        journal.addLast(new Request(clock.instant(), method, path, idempotencyKey, status, fault, replayed));
    }
}
