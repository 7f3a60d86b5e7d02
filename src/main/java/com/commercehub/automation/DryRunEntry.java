package com.commercehub.automation;

import java.time.Instant;

/**
 * One record the workflow would enrol if activated now, and when its steps would run ({@code dueAt}; a time in
 * the past means "at once").
 */
public record DryRunEntry(RecordType type, long recordId, String reference, String customer, Instant dueAt,
                          boolean atOnce) {
}
