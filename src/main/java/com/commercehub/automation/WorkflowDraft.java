package com.commercehub.automation;

import java.util.List;

/** A workflow as the editor submits it. */
public record WorkflowDraft(String name, Trigger trigger, Conditions conditions, Delay delay,
                            List<WorkflowAction> actions) {

    public WorkflowDraft {
        conditions = conditions == null ? Conditions.NONE : conditions;
        delay = delay == null ? Delay.NONE : delay;
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
