package com.commercehub.product;

/** Told how far a long import has come, so the UI can show it. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    enum Phase { CHECKING, SAVING }

    void update(Phase phase, long done, long total);
}
