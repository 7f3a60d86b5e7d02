/**
 * Workflows (trigger → conditions → delay → actions) around payments, quotes and subscriptions, the scheduler
 * that runs each step at most once at its due time, in-app notifications (the bell) and signed outbound
 * webhooks with their delivery log. Listens to {@code quote}, {@code payment} events; reads records through
 * {@link com.commercehub.automation.RecordSource} beans; writes e-mails through {@code mail}'s outbox and deal
 * stages through {@code crm}. Nothing depends on it except through the {@link com.commercehub.automation.AutomationTriggers}
 * port and {@code base.ui.HeaderItem}.
 */
package com.commercehub.automation;
