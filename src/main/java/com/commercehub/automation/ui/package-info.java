/**
 * Automation's staff pages: the workflow list and editor with its dry run (ADMIN edits, everyone on staff
 * looks), Settings → Webhooks with the delivery log, and the notification bell in the header.
 */
package com.commercehub.automation.ui;
