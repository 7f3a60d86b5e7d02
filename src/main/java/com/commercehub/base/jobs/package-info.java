/**
 * Scheduled jobs that must run on one node at a time: ShedLock over the shared database (table
 * {@code shedlock}, database time), for {@code @SchedulerLock} methods and for "run now" buttons.
 */
package com.commercehub.base.jobs;
