package com.commercehub.base.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per account (the e-mail typed, existing or not) and per client address. The
 * failure that reaches the threshold locks for {@code first-lock}, each further one for twice as long
 * as the last, up to {@code max-lock}; a success clears the account's count, not the address's (one valid account must not reset
 * a guesser's address). Counts live in this node's memory: they restart with it, and behind a load
 * balancer each node counts on its own.
 */
@Component
class SignInThrottle {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Clock clock;
    private final int accountFailuresToLock;
    private final int addressFailuresToLock;
    private final Duration firstLock;
    private final Duration maxLock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        Instant last = Instant.MIN;
        Instant lockedUntil = Instant.MIN;
        Instant lockLogged = Instant.MIN;
    }

    SignInThrottle(Clock clock,
                   @Value("${hub.security.sign-in.account-failures-to-lock:5}") int accountFailuresToLock,
                   @Value("${hub.security.sign-in.address-failures-to-lock:20}") int addressFailuresToLock,
                   @Value("${hub.security.sign-in.first-lock:PT1M}") Duration firstLock,
                   @Value("${hub.security.sign-in.max-lock:PT15M}") Duration maxLock) {
        this.clock = clock;
        this.accountFailuresToLock = accountFailuresToLock;
        this.addressFailuresToLock = addressFailuresToLock;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
    }

    /** How long sign-ins for this account or from this address are refused; zero when they are not. */
    Duration lockedFor(String email, String address) {
        Instant now = clock.instant();
        Instant until = max(lockedUntil(accounts, accountKey(email)), lockedUntil(addresses, addressKey(address)));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** True at most once a minute per account and address, so a flood of refusals logs a trickle. */
    boolean shouldLogLock(String email, String address) {
        Instant now = clock.instant();
        boolean log = false;
        for (Failures failures : new Failures[]{accounts.get(accountKey(email)), addresses.get(addressKey(address))}) {
            if (failures != null) {
                synchronized (failures) {
                    if (failures.lockedUntil.isAfter(now) && failures.lockLogged.plus(Duration.ofMinutes(1)).isBefore(now)) {
                        failures.lockLogged = now;
                        log = true;
                    }
                }
            }
        }
        return log;
    }

    void failed(String email, String address) {
        Instant now = clock.instant();
        count(accounts, accountKey(email), accountFailuresToLock, now);
        if (address != null) {
            count(addresses, addressKey(address), addressFailuresToLock, now);
        }
    }

    void succeeded(String email) {
        accounts.remove(accountKey(email));
    }

    private void count(Map<String, Failures> map, String key, int threshold, Instant now) {
        if (map.size() > MAX_TRACKED) {
            // A flood of distinct names: forget them all rather than grow without bound.
            map.clear();
        }
        Failures failures = map.computeIfAbsent(key, k -> new Failures());
        synchronized (failures) {
            if (failures.last.plus(FORGET_AFTER).isBefore(now)) {
                failures.count = 0;
            }
            failures.count++;
            failures.last = now;
            int beyond = failures.count - threshold;
            if (beyond >= 0) {
                Duration lock = firstLock.multipliedBy(1L << Math.min(beyond, 20));
                failures.lockedUntil = now.plus(lock.compareTo(maxLock) > 0 ? maxLock : lock);
            }
        }
    }

    private Instant lockedUntil(Map<String, Failures> map, String key) {
        Failures failures = key == null ? null : map.get(key);
        if (failures == null) {
            return Instant.MIN;
        }
        synchronized (failures) {
            return failures.lockedUntil;
        }
    }

    /** Quiet for an hour: the count would start afresh anyway. */
    @Scheduled(fixedDelay = 10, timeUnit = java.util.concurrent.TimeUnit.MINUTES)
    void forgetQuiet() {
        Instant cutoff = clock.instant().minus(FORGET_AFTER);
        for (Map<String, Failures> map : java.util.List.of(accounts, addresses)) {
            map.values().removeIf(failures -> {
                synchronized (failures) {
                    return failures.last.isBefore(cutoff) && failures.lockedUntil.isBefore(cutoff);
                }
            });
        }
    }

    private static String accountKey(String email) {
        return email == null ? "" : AppUser.normalizeEmail(email);
    }

    private static String addressKey(String address) {
        return address == null ? null : ClientAddresses.key(address);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
