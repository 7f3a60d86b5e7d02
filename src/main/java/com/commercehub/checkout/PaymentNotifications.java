package com.commercehub.checkout;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import com.commercehub.quote.PaidQuotes;
import com.commercehub.quote.QuoteContent;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** E-mails about payments, into the outbox in the recording transaction, each once (dedupe keys). */
@Component
class PaymentNotifications {

    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final UserService users;

    PaymentNotifications(EmailOutbox outbox, EmailTemplates templates, Messages messages, UserService users) {
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.users = users;
    }

    /** "Q-… was paid", to the quote's owner. */
    void quotePaid(PaidQuotes.Target quote, Money amount) {
        QuoteContent content = quote.content();
        Locale locale = ownerLocale(content.ownerEmail());
        SimpleEmail email = SimpleEmail.of(messages.get("mail.quote.paid.subject", locale, content.number()),
                messages.get("mail.quote.paid.heading", locale, content.number(), Formats.money(amount, locale)),
                messages.get("mail.quote.paid.text", locale, content.buyerName(), content.title(), quote.version(),
                        Formats.money(amount, locale)));
        outbox.enqueue(OutgoingEmail.to(content.ownerEmail(), locale, templates.simple(locale, email), "quote.paid")
                .withDedupeKey("quote.paid:" + quote.quoteId() + ":v" + quote.version()));
    }

    Locale ownerLocale(String email) {
        return users.findByEmail(email).map(UserSummary::preferredLocale).map(Messages::supported).orElse(Locale.ENGLISH);
    }
}
