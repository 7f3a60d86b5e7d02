package com.commercehub.branding;

import java.time.Instant;
import java.util.List;

/**
 * One saved set of settings: {@code id} 0 is the built-in defaults (nothing saved yet). {@code changes} names the
 * fields that differ from the version before; {@code restoredFrom} the version it copied, if any.
 */
public record BrandingVersion(long id, Instant savedAt, String savedBy, List<String> changes, Long restoredFrom,
                              BrandingSettings settings) {

    static BrandingVersion defaults() {
        return new BrandingVersion(0, null, null, List.of(), null, BrandingSettings.DEFAULTS);
    }
}
