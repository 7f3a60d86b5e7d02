/** Settings → Email (ADMIN): whether SMTP is configured, the outbox's messages, their attempts, retry. */
package com.commercehub.mail.ui;
