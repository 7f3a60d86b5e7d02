package com.commercehub.automation;

import java.util.List;
import java.util.Optional;

/**
 * The port through which workflows read records of one {@link RecordType}. A feature that adds a record kind
 * (invoices, payment links) provides one bean and calls {@link AutomationTriggers#fire} when its triggers happen.
 * Implementations read inside the caller's transaction and never call out.
 */
public interface RecordSource {

    RecordType type();

    Optional<RecordSnapshot> load(long id);

    /** Whether a record enrolled by {@code trigger} is still in that situation (else its steps are unenrolled). */
    boolean stillMatches(Trigger trigger, RecordSnapshot record);

    /** Existing records that are in the situation {@code trigger} describes now, newest first (for the dry run). */
    List<RecordSnapshot> current(Trigger trigger, int limit);
}
