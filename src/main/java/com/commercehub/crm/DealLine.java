package com.commercehub.crm;

import com.commercehub.base.money.Money;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** One line item of a deal; owned by the {@link Deal} aggregate. */
@Table("deal_line")
class DealLine {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Embedded.Empty
    private LineItem item;

    static DealLine of(LineItemDraft draft) {
        DealLine line = new DealLine();
        line.item = LineItem.of(draft);
        return line;
    }

    /** quantity × unit price less the line discount (capped at the line), HALF_UP to the currency. */
    static Money net(BigDecimal quantity, BigDecimal unitPrice, String discountKind, BigDecimal discountValue,
                     Currency currency) {
        BigDecimal gross = quantity.multiply(unitPrice);
        BigDecimal discount = BigDecimal.ZERO;
        if (discountKind != null) {
            discount = DiscountKind.valueOf(discountKind) == DiscountKind.PERCENT
                    ? gross.multiply(discountValue).divide(HUNDRED) : discountValue;
        }
        BigDecimal net = gross.subtract(discount.min(gross)).setScale(Money.decimalsOf(currency), RoundingMode.HALF_UP);
        return new Money(net, currency);
    }

    LineItemDetails details(int index, Currency currency) {
        LineItemDraft line = item.draft();
        return LineItemDetails.of(index, line, currency, net(line.quantity(), line.unitPrice(),
                line.discountKind() == null ? null : line.discountKind().name(), line.discountValue(), currency));
    }
}
