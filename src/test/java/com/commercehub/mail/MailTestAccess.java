package com.commercehub.mail;

import org.springframework.context.ApplicationContext;

/** For other features' tests that deliver the outbox themselves (their contexts keep the sender's poll slow). */
public final class MailTestAccess {

    private MailTestAccess() {
    }

    /** One run of the outbox's sender; returns how many messages it handled. */
    public static int sendDue(ApplicationContext context) {
        return context.getBean(EmailSender.class).runOnce();
    }
}
