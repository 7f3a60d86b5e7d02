package com.commercehub.sandbox;

import com.commercehub.base.i18n.Messages;
import com.commercehub.base.money.Money;
import com.commercehub.base.money.MoneyFormatter;
import com.commercehub.base.payments.PaymentProcessorMode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;


/**
 * The sandbox's hosted checkout page and 3-D Secure challenge: plain server-rendered HTML (every value
 * escaped), Stripe's test-card outcomes, and the redirect to the session's success or cancel URL.
 */
@Controller
class HostedCheckoutController {

    private final PaymentProcessorMode mode;
    private final CheckoutResources checkout;
    private final PaymentLinkResources links;
    private final InvoiceResources invoices;
    private final CoreResources core;
    private final SandboxStore store;
    private final SandboxTime time;
    private final TransactionTemplate transactions;
    private final Messages messages;
    private final SandboxOrigin origin;

    HostedCheckoutController(PaymentProcessorMode mode, CheckoutResources checkout, PaymentLinkResources links,
                             InvoiceResources invoices, CoreResources core,
                             SandboxStore store, SandboxTime time, TransactionTemplate transactions, Messages messages,
                             SandboxOrigin origin) {
        this.mode = mode;
        this.checkout = checkout;
        this.links = links;
        this.invoices = invoices;
        this.core = core;
        this.store = store;
        this.time = time;
        this.transactions = transactions;
        this.messages = messages;
        this.origin = origin;
    }

    Call pageCall(HttpServletRequest request) {
        return new Call(request.getMethod(), request.getRequestURI(), Map.of(), new Params(Map.of()), null, null,
                time.now(), origin.forBuyers());
    }

    @GetMapping("/sandbox/checkout/{id}")
    ResponseEntity<String> page(@PathVariable String id, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> session = loadSession(id, request);
        if (session.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, page(Locale.ENGLISH, null, "<p>" + htmlEscape(text(Locale.ENGLISH, "sandbox.checkout.not-found")) + "</p>"));
        }
        if ("setup".equals(session.get().get("mode"))) {
            return html(HttpStatus.OK, setupPage(session.get(), locale(session.get(), request), null));
        }
        return html(HttpStatus.OK, checkoutPage(session.get(), locale(session.get(), request), null, "", ""));
    }

    @PostMapping("/sandbox/checkout/{id}")
    ResponseEntity<String> pay(@PathVariable String id, @RequestParam(defaultValue = "") String card,
                               @RequestParam(defaultValue = "") String iban,
                               @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                               HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> loaded = loadSession(id, request);
        if (loaded.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Locale locale = locale(loaded.get(), request);
        if ("setup".equals(loaded.get().get("mode"))) {
            return saveCard(id, loaded.get(), card, email, locale, request);
        }
        if (!"open".equals(loaded.get().get("status"))) {
            return html(HttpStatus.OK, checkoutPage(loaded.get(), locale, null, email, name));
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return html(HttpStatus.OK, checkoutPage(loaded.get(), locale, text(locale, "sandbox.checkout.email-invalid"), email, name));
        }
        Call call = pageCall(request);
        CheckoutResources.Payment payment;
        try {
            String payer = name.isBlank() ? null : name;
            payment = transactions.execute(status -> iban.isBlank() || !CheckoutResources.takesBankDebit(loaded.get())
                    ? checkout.pay(call, id, card, email, payer)
                    : checkout.payByDebit(call, id, iban, email, payer));
        } catch (StripeError error) {
            if ("promotion_code_invalid".equals(error.code)) {
                transactions.executeWithoutResult(status -> checkout.removePromotionCode(call, id));
                return html(HttpStatus.OK, checkoutPage(loadSession(id, request).orElseThrow(), locale,
                        text(locale, "promo.sandbox.no-longer-valid"), email, name));
            }
            return html(HttpStatus.OK, checkoutPage(loaded.get(), locale, refusal(locale, error), email, name));
        }
        if (payment.attempt().needsAuthentication()) {
            return redirect("/sandbox/authenticate/" + payment.attempt().intent().get("id"));
        }
        if (payment.attempt().error() != null) {
            return html(HttpStatus.OK, checkoutPage(payment.session(), locale, declineText(locale, payment.attempt().error()), email, name));
        }
        return afterPayment(payment.session(), locale);
    }

    /** The promotion code field: apply the typed code, or remove the applied one. */
    @PostMapping("/sandbox/checkout/{id}/promotion")
    ResponseEntity<String> promotionCode(@PathVariable String id, @RequestParam(defaultValue = "") String code,
                                         @RequestParam(defaultValue = "apply") String action,
                                         HttpServletRequest request) {
        return change(id, request, call -> {
            if ("remove".equals(action)) {
                checkout.removePromotionCode(call, id);
                return null;
            }
            return checkout.applyPromotionCode(call, id, code);
        }, (locale, refusal) -> new PromotionField(code, text(locale, "promo.sandbox.refused." + refusal)), null);
    }

    /** A quantity selector of a line with {@code adjustable_quantity}. */
    @PostMapping("/sandbox/checkout/{id}/quantity")
    ResponseEntity<String> quantity(@PathVariable String id, @RequestParam(defaultValue = "-1") int line,
                                    @RequestParam(defaultValue = "-1") long quantity, HttpServletRequest request) {
        return change(id, request, call -> checkout.adjustQuantity(call, id, line, quantity),
                (locale, refusal) -> PromotionField.EMPTY, "link.sandbox.quantity-");
    }

    /**
     * A change the buyer makes to an open session before paying: back to the page when done, else the page
     * with the refusal — in the promotion field, or (with {@code errorPrefix}) as the page's error.
     */
    private ResponseEntity<String> change(String id, HttpServletRequest request,
                                          java.util.function.Function<Call, String> change,
                                          java.util.function.BiFunction<Locale, String, PromotionField> field,
                                          String errorPrefix) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> loaded = loadSession(id, request);
        if (loaded.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Locale locale = locale(loaded.get(), request);
        Call call = pageCall(request);
        String refusal = transactions.execute(status -> change.apply(call));
        if (refusal == null) {
            return redirect("/sandbox/checkout/" + id);
        }
        String error = errorPrefix == null ? null : text(locale, errorPrefix + refusal);
        return html(HttpStatus.OK, checkoutPage(loadSession(id, request).orElseThrow(), locale, error, "", "",
                field.apply(locale, refusal)));
    }

    /** What the promotion code field shows: the code as typed and why it was refused. */
    private record PromotionField(String typed, String error) {
        static final PromotionField EMPTY = new PromotionField("", null);
    }

    @GetMapping("/sandbox/authenticate/{intentId}")
    ResponseEntity<String> challenge(@PathVariable String intentId, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> intent = store.find(intentId).filter(o -> "payment_intent".equals(o.get("object")));
        if (intent.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Locale locale = Messages.supported(request.getLocale());
        Money amount = money(Obj.longOf(intent.get(), "amount"), Obj.str(intent.get(), "currency"));
        String body = "<h1>" + htmlEscape(text(locale, "sandbox.3ds.title")) + "</h1>"
                + "<p>" + htmlEscape(text(locale, "sandbox.3ds.explanation", MoneyFormatter.format(amount, locale))) + "</p>"
                + "<form method=\"post\"><button name=\"outcome\" value=\"approve\" id=\"approve\">"
                + htmlEscape(text(locale, "sandbox.3ds.approve")) + "</button> "
                + "<button name=\"outcome\" value=\"fail\" id=\"fail\" class=\"secondary\">"
                + htmlEscape(text(locale, "sandbox.3ds.fail")) + "</button></form>";
        return html(HttpStatus.OK, page(locale, null, body));
    }

    @PostMapping("/sandbox/authenticate/{intentId}")
    ResponseEntity<String> authenticate(@PathVariable String intentId, @RequestParam(defaultValue = "") String outcome,
                                        HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Call call = pageCall(request);
        Locale locale = Messages.supported(request.getLocale());
        CheckoutResources.Payment payment;
        try {
            payment = transactions.execute(status -> checkout.authenticate(call, intentId, "approve".equals(outcome)));
        } catch (StripeError error) {
            return html(HttpStatus.BAD_REQUEST, page(locale, null, "<p>" + htmlEscape(error.getMessage()) + "</p>"));
        }
        if (payment.session() == null) {
            String key = payment.attempt().error() == null ? "sandbox.3ds.approved" : "sandbox.3ds.failed";
            return html(HttpStatus.OK, page(locale, null, "<p>" + htmlEscape(text(locale, key)) + "</p>"));
        }
        Locale sessionLocale = locale(payment.session(), request);
        if (payment.attempt().error() != null) {
            return html(HttpStatus.OK, checkoutPage(payment.session(), sessionLocale,
                    declineText(sessionLocale, payment.attempt().error()), "", ""));
        }
        return afterPayment(payment.session(), sessionLocale);
    }

    @GetMapping("/sandbox/pay/{linkId}")
    ResponseEntity<String> paymentLink(@PathVariable String linkId, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Call call = pageCall(request);
        Locale locale = Messages.supported(request.getLocale());
        Map<String, Object> session;
        try {
            session = transactions.execute(status -> links.startCheckout(call, linkId));
        } catch (StripeError missing) {
            return html(HttpStatus.NOT_FOUND, page(locale, null, "<p>" + htmlEscape(text(locale, "sandbox.checkout.not-found")) + "</p>"));
        }
        if (session == null) {
            return html(HttpStatus.OK, page(locale, null, "<p id=\"inactive\">" + htmlEscape(text(locale, "sandbox.link.inactive")) + "</p>"));
        }
        return redirect(Obj.str(session, "url"));
    }

    @GetMapping("/sandbox/checkout/{id}/cancel")
    ResponseEntity<String> cancel(@PathVariable String id, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Optional<Map<String, Object>> session = loadSession(id, request);
        if (session.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String cancelUrl = Obj.str(session.get(), "cancel_url");
        if (cancelUrl == null) {
            Locale locale = locale(session.get(), request);
            return html(HttpStatus.OK, page(locale, null, "<p>" + htmlEscape(text(locale, "sandbox.checkout.cancelled")) + "</p>"));
        }
        return redirect(cancelUrl);
    }

    @GetMapping("/sandbox/invoice/{id}")
    ResponseEntity<String> invoicePage(@PathVariable String id, HttpServletRequest request) {
        if (!mode.isSandbox()) {
            return ResponseEntity.notFound().build();
        }
        Locale locale = Messages.supported(request.getLocale());
        return loadInvoice(id).map(invoice -> html(HttpStatus.OK, invoicePage(invoice, locale, null)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, page(locale, null,
                        "<p>" + htmlEscape(text(locale, "sandbox.invoice.not-found")) + "</p>")));
    }

    @PostMapping("/sandbox/invoice/{id}")
    ResponseEntity<String> payInvoice(@PathVariable String id, @RequestParam(defaultValue = "") String card,
                                      HttpServletRequest request) {
        if (!mode.isSandbox() || loadInvoice(id).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Locale locale = Messages.supported(request.getLocale());
        Call call = pageCall(request);
        PaymentResources.Attempt attempt;
        try {
            attempt = transactions.execute(status -> invoices.attempt(call, store.getForUpdate(id, "invoice", "id",
                    "invoice"), card));
        } catch (StripeError refused) {
            return html(HttpStatus.OK, invoicePage(loadInvoice(id).orElseThrow(), locale, refusal(locale, refused)));
        }
        if (attempt.needsAuthentication()) {
            return redirect("/sandbox/authenticate/" + attempt.intent().get("id"));
        }
        return html(HttpStatus.OK, invoicePage(loadInvoice(id).orElseThrow(), locale,
                attempt.error() == null ? null : declineText(locale, attempt.error())));
    }

    private Optional<Map<String, Object>> loadInvoice(String id) {
        return store.find(id).filter(found -> "invoice".equals(found.get("object")));
    }

    private String invoicePage(Map<String, Object> invoice, Locale locale, String error) {
        StringBuilder body = new StringBuilder();
        String currency = Obj.str(invoice, "currency");
        body.append("<h1>").append(htmlEscape(String.valueOf(Obj.str(Obj.map(core.account(time.now()),
                "business_profile"), "name")))).append("</h1><p>").append(htmlEscape(text(locale, "sandbox.invoice.number",
                String.valueOf(invoice.get("number"))))).append("</p>");
        if (invoice.get("due_date") != null) {
            body.append("<p id=\"due\">").append(htmlEscape(text(locale, "sandbox.invoice.due",
                    java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                            .withLocale(locale).format(java.time.LocalDate.ofInstant(java.time.Instant.ofEpochSecond(
                                    Obj.longOf(invoice, "due_date")), java.time.ZoneOffset.UTC))))).append("</p>");
        }
        body.append("<table class=\"lines\">");
        lineRows(body, Obj.list(Obj.map(invoice, "lines"), "data"), "amount", currency, locale);
        body.append(row(locale, "sandbox.checkout.total", Obj.longOf(invoice, "amount_due"), currency, true))
                .append("</table>");
        String status = Obj.str(invoice, "status");
        if (!"open".equals(status)) {
            body.append("<p id=\"status\">").append(htmlEscape(text(locale, "paid".equals(status)
                    ? "sandbox.invoice.paid" : "sandbox.invoice.closed"))).append("</p>");
            return page(locale, null, body.toString());
        }
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(htmlEscape(error)).append("</p>");
        }
        body.append("<form method=\"post\">").append(field(locale, "card", "sandbox.checkout.card", "text", "", "cc-number"))
                .append("<p class=\"hint\">").append(htmlEscape(text(locale, "sandbox.checkout.test-cards"))).append("</p>")
                .append("<button type=\"submit\" id=\"pay\">").append(htmlEscape(text(locale, "sandbox.checkout.pay",
                        format(Obj.longOf(invoice, "amount_due"), currency, locale)))).append("</button></form>");
        return page(locale, null, body.toString());
    }

    private Optional<Map<String, Object>> loadSession(String id, HttpServletRequest request) {
        Call call = pageCall(request);
        try {
            return Optional.of(transactions.execute(status -> checkout.session(call, id, false)));
        } catch (StripeError missing) {
            return Optional.empty();
        }
    }

    private ResponseEntity<String> afterPayment(Map<String, Object> session, Locale locale) {
        String successUrl = Obj.str(session, "success_url");
        if (successUrl == null) {
            String key = "unpaid".equals(session.get("payment_status")) ? "sandbox.checkout.processing" : "sandbox.checkout.paid";
            return html(HttpStatus.OK, page(locale, null, "<p id=\"paid\">" + htmlEscape(text(locale, key)) + "</p>"));
        }
        return redirect(successUrl.replace("{CHECKOUT_SESSION_ID}", Obj.str(session, "id")));
    }

    private String checkoutPage(Map<String, Object> session, Locale locale, String error, String email, String name) {
        return checkoutPage(session, locale, error, email, name, PromotionField.EMPTY);
    }

    private String checkoutPage(Map<String, Object> session, Locale locale, String error, String email, String name,
                                PromotionField promotion) {
        StringBuilder body = new StringBuilder();
        Map<String, Object> branding = Obj.map(session, "branding_settings");
        String displayName = branding != null && branding.get("display_name") != null ? Obj.str(branding, "display_name")
                : Obj.str(Obj.map(core.account(time.now()), "business_profile"), "name");
        Map<String, Object> logo = branding == null ? null : Obj.map(branding, "logo");
        if (logo != null && String.valueOf(logo.get("url")).matches("https?://[^\\s\"<>]+")) {
            body.append("<img id=\"logo\" class=\"logo\" alt=\"\" src=\"").append(htmlEscape(Obj.str(logo, "url"))).append("\">");
        }
        body.append("<h1>").append(htmlEscape(String.valueOf(displayName))).append("</h1>");
        String status = Obj.str(session, "status");
        String currency = Obj.str(session, "currency");
        body.append("<table class=\"lines\">");
        lineRows(body, Obj.list(Obj.map(session, "_line_items"), "data"), "amount_subtotal", currency, locale);
        Map<String, Object> totals = Obj.map(session, "total_details");
        body.append(row(locale, "sandbox.checkout.subtotal", Obj.longOf(session, "amount_subtotal"), currency, false));
        if (Obj.longOf(totals, "amount_discount") > 0) {
            body.append(row(locale, "sandbox.checkout.discount", -Obj.longOf(totals, "amount_discount"), currency, false));
        }
        if (Obj.longOf(totals, "amount_tax") > 0) {
            body.append(row(locale, "sandbox.checkout.tax", Obj.longOf(totals, "amount_tax"), currency, false));
        }
        body.append(row(locale, "sandbox.checkout.total", Obj.longOf(session, "amount_total"), currency, true));
        body.append("</table>");
        Map<String, Object> customText = Obj.map(session, "custom_text");
        if ("complete".equals(status)) {
            boolean processing = "unpaid".equals(session.get("payment_status"));
            body.append("<p id=\"paid\">").append(htmlEscape(text(locale, processing
                    ? "sandbox.checkout.processing" : "sandbox.checkout.paid"))).append("</p>");
            customMessage(body, customText, "after_submit");
            return page(locale, branding, body.toString());
        }
        if ("expired".equals(status)) {
            body.append("<p id=\"expired\">").append(htmlEscape(text(locale, "sandbox.checkout.expired"))).append("</p>");
            return page(locale, branding, body.toString());
        }
        quantityForms(body, session, locale);
        if (Boolean.TRUE.equals(session.get("allow_promotion_codes"))) {
            promotionForm(body, session, locale, promotion);
        }
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(htmlEscape(error)).append("</p>");
        }
        String prefilled = email.isEmpty() && session.get("customer_email") != null ? Obj.str(session, "customer_email") : email;
        body.append("<form method=\"post\">")
                .append(field(locale, "email", "sandbox.checkout.email", "email", prefilled, "email"))
                .append(field(locale, "name", "sandbox.checkout.name", "text", name, "name"))
                .append(field(locale, "card", "sandbox.checkout.card", "text", "", "cc-number"))
                .append("<p class=\"hint\">").append(htmlEscape(text(locale, "sandbox.checkout.test-cards"))).append("</p>");
        if (CheckoutResources.takesBankDebit(session)) {
            body.append(field(locale, "iban", "sandbox.checkout.iban", "text", "", "off"))
                    .append("<p class=\"hint\">").append(htmlEscape(text(locale, "sandbox.checkout.test-ibans")))
                    .append("</p><p class=\"hint\">").append(htmlEscape(text(locale, "sandbox.checkout.mandate",
                            String.valueOf(displayName)))).append("</p>");
        }
        if ("required".equals(session.get("billing_address_collection"))) {
            body.append(field(locale, "address", "branding.sandbox.address", "text", "", "street-address"));
        }
        if (Boolean.TRUE.equals(Obj.map(session, "phone_number_collection").get("enabled"))) {
            body.append(field(locale, "phone", "branding.sandbox.phone", "tel", "", "tel"));
        }
        customMessage(body, customText, "terms_of_service_acceptance");
        customMessage(body, customText, "submit");
        body.append("<button type=\"submit\" id=\"pay\">").append(htmlEscape(text(locale, "sandbox.checkout.pay",
                format(Obj.longOf(session, "amount_total"), currency, locale)))).append("</button></form>");
        body.append("<p><a id=\"cancel\" href=\"/sandbox/checkout/").append(htmlEscape(Obj.str(session, "id")))
                .append("/cancel\">").append(htmlEscape(text(locale, "sandbox.checkout.back"))).append("</a></p>");
        return page(locale, branding, body.toString());
    }

    /** One small form per line the buyer may change the quantity of. */
    @SuppressWarnings("unchecked")
    private void quantityForms(StringBuilder body, Map<String, Object> session, Locale locale) {
        List<Object> lines = Obj.list(Obj.map(session, "_line_items"), "data");
        for (int i = 0; i < lines.size(); i++) {
            Map<String, Object> line = (Map<String, Object>) lines.get(i);
            Map<String, Object> adjustable = Obj.map(line, "adjustable_quantity");
            if (adjustable == null || !Boolean.TRUE.equals(adjustable.get("enabled"))) {
                continue;
            }
            long min = adjustable.get("minimum") == null ? 0 : Obj.longOf(adjustable, "minimum");
            long max = adjustable.get("maximum") == null ? 99 : Obj.longOf(adjustable, "maximum");
            body.append("<form method=\"post\" class=\"quantity\" action=\"/sandbox/checkout/")
                    .append(htmlEscape(Obj.str(session, "id"))).append("/quantity\"><input type=\"hidden\" name=\"line\" value=\"")
                    .append(i).append("\"><label for=\"quantity-").append(i).append("\">")
                    .append(htmlEscape(text(locale, "link.sandbox.quantity", String.valueOf(line.get("description")))))
                    .append("</label><input id=\"quantity-").append(i).append("\" name=\"quantity\" type=\"number\" min=\"")
                    .append(min).append("\" max=\"").append(max).append("\" value=\"").append(Obj.longOf(line, "quantity"))
                    .append("\"><button type=\"submit\" class=\"secondary\" id=\"update-quantity-").append(i).append("\">")
                    .append(htmlEscape(text(locale, "link.sandbox.update"))).append("</button></form>");
        }
    }

    /** Stripe's "Add promotion code" field, or the applied code with a way to remove it. */
    @SuppressWarnings("unchecked")
    private void promotionForm(StringBuilder body, Map<String, Object> session, Locale locale, PromotionField promotion) {
        String action = "/sandbox/checkout/" + htmlEscape(Obj.str(session, "id")) + "/promotion";
        String applied = Obj.list(session, "discounts").stream().map(d -> Obj.str((Map<String, Object>) d, "promotion_code"))
                .filter(java.util.Objects::nonNull).findFirst()
                .flatMap(store::find).map(pc -> Obj.str(pc, "code")).orElse(null);
        body.append("<form method=\"post\" action=\"").append(action).append("\" class=\"promotion\">");
        if (applied != null) {
            body.append("<p id=\"promotion-applied\">").append(htmlEscape(text(locale, "promo.sandbox.applied", applied)))
                    .append("</p><input type=\"hidden\" name=\"action\" value=\"remove\">")
                    .append("<button type=\"submit\" class=\"secondary\" id=\"promotion-remove\">")
                    .append(htmlEscape(text(locale, "promo.sandbox.remove"))).append("</button></form>");
            return;
        }
        body.append(field(locale, "promotion-code", "promo.sandbox.field", "text", promotion.typed(), "off")
                .replace("name=\"promotion-code\"", "name=\"code\""));
        if (promotion.error() != null) {
            body.append("<p class=\"error\" id=\"promotion-error\" role=\"alert\">").append(htmlEscape(promotion.error()))
                    .append("</p>");
        }
        body.append("<button type=\"submit\" class=\"secondary\" id=\"promotion-apply\">")
                .append(htmlEscape(text(locale, "promo.sandbox.apply"))).append("</button></form>");
    }

    /** A setup session's form: a card is saved for later payments, nothing is charged now. */
    private ResponseEntity<String> saveCard(String id, Map<String, Object> session, String card, String email,
                                            Locale locale, HttpServletRequest request) {
        if (!"open".equals(session.get("status"))) {
            return html(HttpStatus.OK, setupPage(session, locale, null));
        }
        Call call = pageCall(request);
        Map<String, Object> done;
        try {
            String payer = email.isBlank() ? Obj.str(session, "customer_email") : email;
            done = transactions.execute(status -> checkout.setUp(call, id, card, payer));
        } catch (StripeError error) {
            return html(HttpStatus.OK, setupPage(session, locale, refusal(locale, error)));
        }
        String successUrl = Obj.str(done, "success_url");
        return successUrl == null ? html(HttpStatus.OK, setupPage(done, locale, null))
                : redirect(successUrl.replace("{CHECKOUT_SESSION_ID}", Obj.str(done, "id")));
    }

    private String setupPage(Map<String, Object> session, Locale locale, String error) {
        StringBuilder body = new StringBuilder("<h1>").append(htmlEscape(String.valueOf(Obj.str(Obj.map(
                core.account(time.now()), "business_profile"), "name")))).append("</h1><p>")
                .append(htmlEscape(text(locale, "subscription.sandbox.setup.explanation"))).append("</p>");
        String status = Obj.str(session, "status");
        if (!"open".equals(status)) {
            body.append("<p id=\"paid\">").append(htmlEscape(text(locale, "complete".equals(status)
                    ? "subscription.sandbox.setup.saved" : "sandbox.checkout.expired"))).append("</p>");
            return page(locale, null, body.toString());
        }
        if (error != null) {
            body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(htmlEscape(error)).append("</p>");
        }
        body.append("<form method=\"post\">").append(field(locale, "card", "sandbox.checkout.card", "text", "", "cc-number"))
                .append("<p class=\"hint\">").append(htmlEscape(text(locale, "sandbox.checkout.test-cards"))).append("</p>")
                .append("<button type=\"submit\" id=\"pay\">").append(htmlEscape(text(locale, "subscription.sandbox.setup.save")))
                .append("</button></form><p><a id=\"cancel\" href=\"/sandbox/checkout/").append(htmlEscape(Obj.str(session, "id")))
                .append("/cancel\">").append(htmlEscape(text(locale, "sandbox.checkout.back"))).append("</a></p>");
        return page(locale, null, body.toString());
    }

    /** A {@code custom_text} message, as Checkout shows it, under an id named after its field. */
    private static void customMessage(StringBuilder body, Map<String, Object> customText, String field) {
        Map<String, Object> text = customText == null ? null : Obj.map(customText, field);
        if (text != null && text.get("message") != null) {
            body.append("<p class=\"custom-text\" id=\"custom-").append(field.replace('_', '-')).append("\">")
                    .append(htmlEscape(Obj.str(text, "message"))).append("</p>");
        }
    }

    /** One table row per line item: "description × quantity" and the amount under {@code amountKey}. */
    private static void lineRows(StringBuilder body, List<Object> lines, String amountKey, String currency, Locale locale) {
        for (Object item : lines) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = (Map<String, Object>) item;
            body.append("<tr><td>").append(htmlEscape(String.valueOf(line.get("description")))).append(" × ")
                    .append(line.get("quantity")).append("</td><td class=\"amount\">")
                    .append(htmlEscape(format(Obj.longOf(line, amountKey), currency, locale))).append("</td></tr>");
        }
    }

    private String row(Locale locale, String key, long amount, String currency, boolean strong) {
        String tag = strong ? "th" : "td";
        return "<tr><" + tag + ">" + htmlEscape(text(locale, key)) + "</" + tag + "><" + tag + " class=\"amount\">"
                + htmlEscape(format(amount, currency, locale)) + "</" + tag + "></tr>";
    }

    private String field(Locale locale, String id, String label, String type, String value, String autocomplete) {
        return "<label for=\"" + id + "\">" + htmlEscape(text(locale, label)) + "</label><input id=\"" + id
                + "\" name=\"" + id + "\" type=\"" + type + "\" autocomplete=\"" + autocomplete + "\" value=\""
                + htmlEscape(value == null ? "" : value) + "\">";
    }

    String page(Locale locale, Map<String, Object> branding, String body) {
        String button = branding != null && branding.get("button_color") != null ? Obj.str(branding, "button_color") : "#0f6cbd";
        String background = branding != null && branding.get("background_color") != null ? Obj.str(branding, "background_color") : "#f5f6f8";
        String font = branding != null && branding.get("font_family") != null
                && !"default".equals(branding.get("font_family")) ? fontName(Obj.str(branding, "font_family")) + "," : "";
        String radius = switch (branding == null ? "rounded" : String.valueOf(branding.get("border_style"))) {
            case "pill" -> "999px";
            case "rectangular" -> "0";
            default -> "6px";
        };
        return "<!doctype html><html lang=\"" + htmlEscape(locale.getLanguage()) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + htmlEscape(text(locale, "sandbox.checkout.title")) + "</title><style>"
                + "body{font-family:" + font + "system-ui,sans-serif;background:" + htmlEscape(background) + ";margin:0;padding:2rem}"
                + ".logo{max-height:48px;max-width:200px;display:block;margin-bottom:.5rem}.custom-text{color:#333;font-size:.9rem}"
                + "main{max-width:28rem;margin:auto;background:#fff;padding:1.5rem;border-radius:8px}"
                + ".badge{background:#333;color:#fff;padding:.2rem .6rem;border-radius:1rem;font-size:.8rem}"
                + "table{width:100%;border-collapse:collapse}td,th{padding:.3rem 0;text-align:left}.amount{text-align:right}"
                + "label{display:block;margin-top:.8rem}input{width:100%;padding:.5rem;box-sizing:border-box}"
                + "button{margin-top:1rem;padding:.6rem 1.2rem;border:0;border-radius:" + radius + ";color:#fff;font-family:inherit;background:"
                + htmlEscape(button) + "}button.secondary{background:#777}.error{color:#b00020}.hint{color:#555;font-size:.85rem}"
                + "</style></head><body><main><p><span class=\"badge\">" + htmlEscape(text(locale, "sandbox.badge"))
                + "</span></p>" + body + "</main></body></html>";
    }

    /**
     * Checkout's font as CSS names it: {@code roboto_slab} → {@code 'Roboto Slab'}. Only letters, digits and spaces
     * survive, so it goes into the stylesheet unescaped (entities mean nothing inside a style element).
     */
    static String fontName(String stripeValue) {
        StringBuilder name = new StringBuilder("'");
        for (String word : stripeValue.replaceAll("[^a-z0-9_]", "").split("_")) {
            if (!word.isEmpty()) {
                name.append(name.length() > 1 ? " " : "").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.append('\'').toString();
    }

    private Locale locale(Map<String, Object> session, HttpServletRequest request) {
        String requested = Obj.str(session, "locale");
        if (requested != null && !"auto".equals(requested)) {
            return Messages.supported(Locale.forLanguageTag(requested));
        }
        return Messages.supported(request.getLocale());
    }

    /** A card refused before anything was stored (402) in the buyer's language; other errors as they are. */
    String refusal(Locale locale, StripeError error) {
        return error.status == 402 ? declineText(locale, error) : error.getMessage();
    }

    String declineText(Locale locale, StripeError error) {
        String key = "sandbox.decline." + (error.declineCode != null ? error.declineCode : error.code);
        String translated = messages.get(key, locale);
        return translated.startsWith("!") ? text(locale, "sandbox.decline.generic_decline") : translated;
    }

    String text(Locale locale, String key, Object... params) {
        return messages.get(key, locale, params);
    }

    private static Money money(long minor, String currency) {
        int exponent = SandboxCurrencies.exponent(currency);
        return new Money(BigDecimal.valueOf(minor).movePointLeft(exponent), Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
    }

    static String format(long minor, String currency, Locale locale) {
        try {
            return MoneyFormatter.format(money(minor, currency), locale);
        } catch (RuntimeException unusual) {
            return SandboxCurrencies.display(minor, currency);
        }
    }

    /** Escapes only what HTML needs (&lt; &gt; &amp; quotes), keeping the page UTF-8. */
    static String htmlEscape(String text) {
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }

    static ResponseEntity<String> html(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html);
    }

    static ResponseEntity<String> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }
}
