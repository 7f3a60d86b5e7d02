/**
 * Transactional e-mail: an outbox written in the same transaction as the change that causes a message
 * ({@link com.commercehub.mail.EmailOutbox}), templates that render subject, HTML and text in the
 * recipient's language ({@link com.commercehub.mail.EmailTemplates}), and a retrying SMTP sender that
 * delivers each message once, safely from several nodes. Depends on nothing of ours but {@code base}.
 */
package com.commercehub.mail;
