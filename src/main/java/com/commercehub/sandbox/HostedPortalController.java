package com.commercehub.sandbox;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.payments.PaymentProcessorMode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static com.commercehub.sandbox.HostedCheckoutController.html;
import static com.commercehub.sandbox.HostedCheckoutController.htmlEscape;
import static com.commercehub.sandbox.HostedCheckoutController.redirect;

/**
 * The sandbox's billing portal page ({@code billing_portal.session} URLs): the customer's subscriptions,
 * cancelling at the end of the period, and a new card — with which a past-due subscription's open
 * invoice is paid at once, as Stripe's portal does.
 */
@Controller
class HostedPortalController {

    private final PaymentProcessorMode mode;
    private final HostedCheckoutController pages;
    private final SubscriptionResources subscriptions;
    private final InvoiceResources invoices;
    private final SandboxStore store;
    private final TransactionTemplate transactions;

    HostedPortalController(PaymentProcessorMode mode, HostedCheckoutController pages, SubscriptionResources subscriptions,
                           InvoiceResources invoices, SandboxStore store, TransactionTemplate transactions) {
        this.mode = mode;
        this.pages = pages;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.store = store;
        this.transactions = transactions;
    }

    private Optional<Map<String, Object>> session(String id) {
        return store.find(id).filter(o -> "billing_portal.session".equals(o.get("object")));
    }

    @GetMapping("/sandbox/portal/{id}")
    ResponseEntity<String> portal(@PathVariable String id, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> session = session(id);
        if (session.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return html(HttpStatus.OK, page(session.get(), locale(session.get(), request), null, null));
    }

    /** The session's locale when one was asked for, else the browser's. */
    private static Locale locale(Map<String, Object> session, HttpServletRequest request) {
        String requested = Obj.str(session, "locale");
        return Messages.supported(requested == null || "auto".equals(requested) ? request.getLocale()
                : Locale.forLanguageTag(requested));
    }

    private String page(Map<String, Object> session, Locale locale, String errorFor, String error) {
        String id = Obj.str(session, "id");
        String customer = Obj.str(session, "customer");
        StringBuilder body = new StringBuilder("<h1>").append(htmlEscape(pages.text(locale, "sandbox.portal.title"))).append("</h1>");
        var list = store.list("subscription", s -> customer.equals(s.get("customer")) && !"canceled".equals(s.get("status")),
                100, null).data();
        if (list.isEmpty()) {
            body.append("<p>").append(htmlEscape(pages.text(locale, "sandbox.portal.none"))).append("</p>");
        }
        for (Map<String, Object> subscription : list) {
            String sid = Obj.str(subscription, "id");
            body.append("<section class=\"subscription\" id=\"").append(htmlEscape(sid)).append("\"><p>");
            for (Object item : Obj.list(Obj.map(subscription, "items"), "data")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> price = Obj.map((Map<String, Object>) item, "price");
                String product = store.find(Obj.str(price, "product")).map(p -> Obj.str(p, "name")).orElse("");
                body.append(htmlEscape(product)).append(" × ").append(((Map<?, ?>) item).get("quantity")).append(" — ")
                        .append(htmlEscape(HostedCheckoutController.format(Obj.longOf(price, "unit_amount"),
                                Obj.str(price, "currency"), locale)))
                        .append("<br>");
            }
            body.append("</p>");
            if ("past_due".equals(subscription.get("status"))) {
                body.append("<p class=\"error past-due\">").append(htmlEscape(pages.text(locale, "sandbox.portal.past-due")))
                        .append("</p>");
            }
            if (sid.equals(errorFor)) {
                body.append("<p class=\"error\" id=\"card-error\">").append(htmlEscape(error)).append("</p>");
            }
            body.append("<form method=\"post\" action=\"/sandbox/portal/").append(htmlEscape(id)).append("/payment-method/")
                    .append(htmlEscape(sid)).append("\"><label for=\"card-").append(htmlEscape(sid)).append("\">")
                    .append(htmlEscape(pages.text(locale, "sandbox.portal.card"))).append("</label><input id=\"card-")
                    .append(htmlEscape(sid)).append("\" name=\"card\" autocomplete=\"cc-number\"><button type=\"submit\">")
                    .append(htmlEscape(pages.text(locale, "sandbox.portal.update-card"))).append("</button></form>");
            if (Boolean.TRUE.equals(subscription.get("cancel_at_period_end"))) {
                body.append("<p>").append(htmlEscape(pages.text(locale, "sandbox.portal.cancels-at-end"))).append("</p>");
            } else {
                body.append("<form method=\"post\" action=\"/sandbox/portal/").append(htmlEscape(id)).append("/cancel/")
                        .append(htmlEscape(sid)).append("\"><button type=\"submit\" class=\"secondary\">")
                        .append(htmlEscape(pages.text(locale, "sandbox.portal.cancel"))).append("</button></form>");
            }
            body.append("</section>");
        }
        String returnUrl = Obj.str(session, "return_url");
        if (returnUrl != null) {
            body.append("<p><a id=\"return\" href=\"").append(htmlEscape(returnUrl)).append("\">")
                    .append(htmlEscape(pages.text(locale, "sandbox.portal.back"))).append("</a></p>");
        }
        return pages.page(locale, null, body.toString());
    }

    @PostMapping("/sandbox/portal/{id}/cancel/{subscriptionId}")
    ResponseEntity<String> cancel(@PathVariable String id, @PathVariable String subscriptionId, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> session = session(id);
        if (session.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Call call = pages.pageCall(request);
        try {
            transactions.execute(status -> subscriptions.cancelAtPeriodEnd(call, subscriptionId, Obj.str(session.get(), "customer")));
        } catch (StripeError missing) {
            return ResponseEntity.notFound().build();
        }
        return redirect("/sandbox/portal/" + id);
    }

    /** A new card for the subscription; a past-due one's open invoice is paid with it right away. */
    @PostMapping("/sandbox/portal/{id}/payment-method/{subscriptionId}")
    ResponseEntity<String> card(@PathVariable String id, @PathVariable String subscriptionId,
                                @RequestParam(defaultValue = "") String card, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> session = session(id);
        if (session.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Locale locale = locale(session.get(), request);
        try {
            TestCard.require(card);
        } catch (StripeError refused) {
            return html(HttpStatus.OK, page(session.get(), locale, subscriptionId, pages.declineText(locale, refused)));
        }
        Call call = pages.pageCall(request);
        PaymentResources.Attempt attempt;
        try {
            attempt = transactions.execute(status -> {
                Map<String, Object> due = subscriptions.useCard(call, subscriptionId, Obj.str(session.get(), "customer"), card);
                return due == null ? null : invoices.attempt(call, due, card);
            });
        } catch (StripeError missing) {
            return ResponseEntity.notFound().build();
        }
        if (attempt != null && attempt.error() != null) {
            return html(HttpStatus.OK, page(session.get(), locale, subscriptionId, pages.declineText(locale, attempt.error())));
        }
        return redirect("/sandbox/portal/" + id);
    }
}
