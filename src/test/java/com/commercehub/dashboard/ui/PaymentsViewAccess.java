package com.commercehub.dashboard.ui;

import com.commercehub.dashboard.PaymentRow;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;

import java.math.BigDecimal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The payments page's refund dialog for tests outside this package (the view's parts are package-private). */
public final class PaymentsViewAccess {

    private PaymentsViewAccess() {
    }

    /** On the open payments page: finds the payment by its payment intent, opens its drawer and the refund dialog. */
    public static Refund openRefund(String paymentIntentId) {
        PaymentsView view = _get(PaymentsView.class);
        view.search.setValue(paymentIntentId);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        PaymentRow row = GridKt._get(view.grid, 0);
        view.grid.select(row);
        _get(view.drawer, Button.class, spec -> spec.withClasses("drawer-refund")).click();
        return new Refund(_get(RefundDialog.class));
    }

    /** The open refund dialog. */
    public record Refund(RefundDialog dialog) {

        public void partial(BigDecimal amount, String reason) {
            dialog.full.setValue(false);
            dialog.amount.setValue(amount);
            dialog.reason.setValue(reason);
        }

        public void send() {
            dialog.send.click();
        }

        public boolean opened() {
            return dialog.isOpened();
        }

        public boolean fieldsValid() {
            return !dialog.amount.isInvalid() && !dialog.reason.isInvalid();
        }
    }
}
