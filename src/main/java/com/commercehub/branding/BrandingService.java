package com.commercehub.branding;

import com.commercehub.base.security.Actors;
import com.commercehub.base.security.Role;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checkout branding in force and its history. Reading is open to every feature (buyer pages are anonymous);
 * saving, restoring and uploading are ADMIN's. Every save is a new version (who, when, which fields).
 */
@Service
public class BrandingService {

    /** The largest logo or icon upload accepted, in bytes (the upload stops reading past it). */
    public static final int MAX_IMAGE_BYTES = BrandImages.MAX_BYTES;

    // Buyer pages read the settings on every request; another node's save is seen within this long.
    private static final Duration KEPT_FOR = Duration.ofSeconds(5);

    private final BrandingStore store;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(BrandingVersion version, Instant readAt) {
    }

    BrandingService(BrandingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The settings in force (the built-in defaults until the first save). */
    public BrandingSettings current() {
        return currentVersion().settings();
    }

    /**
     * The version in force, with its id (carry it to {@link #save} so a concurrent save is noticed). No transaction
     * of its own: buyer pages call this several times a view, almost always answered from memory, and a refresh is a
     * single statement.
     */
    public BrandingVersion currentVersion() {
        Cached seen = cached;
        Instant now = clock.instant();
        if (seen == null || seen.readAt().plus(KEPT_FOR).isBefore(now)) {
            seen = new Cached(store.newest(false).orElseGet(BrandingVersion::defaults), now);
            cached = seen;
        }
        return seen.version();
    }

    /**
     * Saves {@code settings} as a new version when they pass {@link BrandingRules}.
     *
     * @param expectedVersion the id of the version the editor started from
     * @throws BrandingValidationException with the field problems; nothing is stored
     * @throws OptimisticLockingFailureException when someone saved in between
     */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public BrandingVersion save(long expectedVersion, BrandingSettings settings) {
        var problems = BrandingRules.problems(settings);
        if (!problems.isEmpty()) {
            throw new BrandingValidationException(problems);
        }
        return append(expectedVersion, settings, null);
    }

    /** Makes an earlier version's settings the ones in force again, as a new version that says where it came from. */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public BrandingVersion restore(long expectedVersion, long versionId) {
        BrandingVersion earlier = store.version(versionId)
                .orElseThrow(() -> new BrandingValidationException(java.util.Map.of("version",
                        new BrandingValidationException.Problem("branding.error.no-version"))));
        return append(expectedVersion, earlier.settings(), versionId);
    }

    /** Saved versions, newest first, a page at a time. */
    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public List<BrandingVersion> history(int offset, int limit) {
        return store.page(offset, limit);
    }

    @Transactional(readOnly = true)
    @Secured(Role.Authority.ADMIN)
    public int historySize() {
        return store.count();
    }

    /**
     * Checks and re-encodes an uploaded logo ({@code square} false) or icon ({@code square} true) and keeps it.
     * It is in force only once settings naming it are saved.
     *
     * @return the image's SHA-256, its name in {@link BrandingSettings#logo()} / {@code icon()}
     * @throws BrandingValidationException under {@code field} with the reason; nothing is stored
     */
    @Transactional
    @Secured(Role.Authority.ADMIN)
    public String upload(String field, byte[] content, boolean square) {
        BrandImages.Encoded image = BrandImages.accept(field, content, square);
        store.putImage(image, clock.instant());
        return image.sha256();
    }

    /** A stored image's PNG bytes, by its SHA-256 (public: logos are shown to buyers). */
    @Transactional(readOnly = true)
    public Optional<byte[]> image(String sha256) {
        return sha256 != null && sha256.matches("[0-9a-f]{64}") ? store.image(sha256) : Optional.empty();
    }

    private BrandingVersion append(long expectedVersion, BrandingSettings settings, Long restoredFrom) {
        BrandingVersion newest = store.newest(true).orElseGet(BrandingVersion::defaults);
        if (newest.id() != expectedVersion) {
            throw new OptimisticLockingFailureException("branding changed by someone else");
        }
        Instant now = clock.instant();
        long id = store.insert(settings, now, Actors.current(), changes(newest.settings(), settings), restoredFrom);
        cached = null;
        return store.version(id).orElseThrow();
    }

    /** The names of the fields that differ ({@code texts.de} for one language's texts). */
    static List<String> changes(BrandingSettings before, BrandingSettings after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : BrandingSettings.class.getRecordComponents()) {
            if (component.getName().equals("texts")) {
                TreeSet<String> languages = new TreeSet<>(before.texts().keySet());
                languages.addAll(after.texts().keySet());
                for (String language : languages) {
                    if (!Objects.equals(before.texts().getOrDefault(language, BrandingSettings.CheckoutTexts.NONE),
                            after.texts().getOrDefault(language, BrandingSettings.CheckoutTexts.NONE))) {
                        changed.add("texts." + language);
                    }
                }
            } else if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent component, BrandingSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
