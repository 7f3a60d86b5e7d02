package com.commercehub.automation;

/** A row of the workflow list, with how many steps wait and how many ran. */
public record WorkflowListEntry(long id, String name, Trigger trigger, boolean active, long pending, long done) {
}
