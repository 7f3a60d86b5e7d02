package com.commercehub.automation;

/** Where one (workflow, record, step) stands. Only PENDING is ever picked up. */
public enum StepStatus {
    PENDING, DONE, UNENROLLED, CANCELED, FAILED;

    public String messageKey() {
        return "automation.step." + name();
    }
}
