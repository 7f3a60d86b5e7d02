package com.commercehub.automation;

import java.util.List;

/** A stored workflow; {@code version} is what the next edit must name. */
public record WorkflowDetails(long id, long version, String name, Trigger trigger, boolean active,
                              Conditions conditions, Delay delay, List<WorkflowAction> actions) {

    public WorkflowDraft draft() {
        return new WorkflowDraft(name, trigger, conditions, delay, actions);
    }
}
