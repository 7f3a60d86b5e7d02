package com.commercehub.link;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.security.UserService;
import com.commercehub.base.security.UserSummary;
import com.commercehub.checkout.PaymentLinkSales;
import com.commercehub.mail.EmailOutbox;
import com.commercehub.mail.EmailTemplates;
import com.commercehub.mail.OutgoingEmail;
import com.commercehub.mail.SimpleEmail;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** "Someone paid through your link", to the link's creator, into the outbox in the recording transaction, once per session. */
@Component
class LinkNotifications {

    private final EmailOutbox outbox;
    private final EmailTemplates templates;
    private final Messages messages;
    private final UserService users;

    LinkNotifications(EmailOutbox outbox, EmailTemplates templates, Messages messages, UserService users) {
        this.outbox = outbox;
        this.templates = templates;
        this.messages = messages;
        this.users = users;
    }

    /** Only to a creator who is still a user: a purchase is recorded whether or not anyone can be told. */
    void purchased(PaymentLinkRows.Link link, String sessionId, PaymentLinkSales.Buyer buyer, Money amount) {
        Optional<UserSummary> owner = users.findByEmail(link.createdBy());
        if (owner.isEmpty()) {
            return;
        }
        Locale locale = Optional.ofNullable(owner.get().preferredLocale()).map(Messages::supported).orElse(Locale.ENGLISH);
        String who = buyer.email() == null ? "–" : buyer.name() == null || buyer.name().isBlank() ? buyer.email()
                : buyer.name() + " <" + buyer.email() + ">";
        SimpleEmail email = SimpleEmail.of(messages.get("link.mail.paid.subject", locale, link.name()),
                messages.get("link.mail.paid.heading", locale, Formats.money(amount, locale)),
                messages.get("link.mail.paid.text", locale, who, link.name(), Formats.money(amount, locale)));
        outbox.enqueue(OutgoingEmail.to(link.createdBy(), locale, templates.simple(locale, email), "link.paid")
                .withDedupeKey("link.paid:" + sessionId));
    }
}
