package com.commercehub.branding;

import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Unsaved settings the settings page previews: held in memory under a random id for the preview frame and its
 * stylesheet to read, the oldest forgotten first. Staff sessions are sticky, so the node that holds a draft is
 * the one its preview asks.
 */
@Component
public class BrandingDrafts {

    private static final int KEPT = 200;

    private final Map<String, BrandingSettings> drafts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BrandingSettings> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps {@code draft} under {@code id} (a fresh one when {@code id} is {@code null}) and returns the id. */
    public synchronized String put(String id, BrandingSettings draft) {
        String key = id != null ? id : UUID.randomUUID().toString();
        drafts.put(key, draft);
        return key;
    }

    public synchronized Optional<BrandingSettings> get(String id) {
        return Optional.ofNullable(id == null ? null : drafts.get(id));
    }
}
