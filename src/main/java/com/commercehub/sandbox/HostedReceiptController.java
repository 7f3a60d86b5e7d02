package com.commercehub.sandbox;

import com.commercehub.base.i18n.Formats;
import com.commercehub.base.money.Money;
import com.commercehub.base.payments.PaymentProcessorMode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/** The receipt Stripe hosts for each charge ({@code receipt_url}), as the sandbox shows it. */
@Controller
class HostedReceiptController {

    private final PaymentProcessorMode mode;
    private final SandboxStore store;
    private final TransactionTemplate transactions;
    private final ITemplateEngine templates;

    HostedReceiptController(PaymentProcessorMode mode, SandboxStore store, TransactionTemplate transactions,
                            ITemplateEngine templates) {
        this.mode = mode;
        this.store = store;
        this.transactions = transactions;
        this.templates = templates;
    }

    @GetMapping("/sandbox/receipt/{chargeId}")
    ResponseEntity<String> receipt(@PathVariable String chargeId) {
        var charge = mode.isSandbox() ? transactions.execute(tx -> store.find(chargeId)
                .filter(found -> "charge".equals(found.get("object")))) : java.util.Optional.<Map<String, Object>>empty();
        if (charge.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Map<String, Object> c = charge.get();
        String currency = Obj.str(c, "currency");
        Money amount = new Money(BigDecimal.valueOf(Obj.longOf(c, "amount"), SandboxCurrencies.exponent(currency)),
                Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        Money refunded = new Money(BigDecimal.valueOf(Obj.longOf(c, "amount_refunded"), SandboxCurrencies.exponent(currency)),
                amount.currency());
        Context context = new Context(Locale.ENGLISH, Map.of(
                "id", chargeId, "status", Obj.str(c, "status"),
                "amount", Formats.money(amount, Locale.ENGLISH),
                "refunded", refunded.amount().signum() == 0 ? "" : Formats.money(refunded, Locale.ENGLISH),
                "date", Formats.dateTime(Instant.ofEpochSecond(Obj.longOf(c, "created")), ZoneOffset.UTC, Locale.ENGLISH)));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(templates.process("sandbox/receipt", context));
    }
}
