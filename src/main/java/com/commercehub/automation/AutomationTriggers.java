package com.commercehub.automation;

import com.commercehub.base.time.BusinessCalendar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The port features call when one of their records meets a {@link Trigger} or changes: inside their own
 * transaction, cheap (a few reads and inserts), no user needed. Invoices and payment links call
 * {@code fire(Trigger.INVOICE_SENT, invoiceId)} etc. and {@code changed(RecordType.INVOICE, id)} on every change,
 * and provide a {@link RecordSource} for their record type.
 */
@Component
public class AutomationTriggers {

    private final Enrolments enrolments;
    private final BusinessCalendar calendar;

    AutomationTriggers(Enrolments enrolments, BusinessCalendar calendar) {
        this.enrolments = enrolments;
        this.calendar = calendar;
    }

    /** The record met the trigger: it is enrolled in every active workflow of it whose conditions it meets. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int fire(Trigger trigger, long recordId) {
        return enrolments.fire(trigger, recordId, calendar.now());
    }

    /** The record changed: waiting steps of workflows it no longer matches are unenrolled. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int changed(RecordType type, long recordId) {
        return enrolments.unenrolStale(type, recordId, calendar.now());
    }
}
