package com.commercehub.product.ui;

import com.commercehub.base.security.Role;
import com.commercehub.product.ProductTestData;
import com.commercehub.product.TaxRateService;
import com.commercehub.testsupport.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxRatesViewTest extends KaribuTest {

    @Autowired
    TaxRateService taxRates;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noRates() {
        ProductTestData.clear(jdbc);
    }

    @Test
    void admin_adds_a_rate_with_four_decimals_and_bad_input_is_refused_next_to_the_field() {
        login("admin@example.com", Role.ADMIN);
        navigate("tax-rates");
        TaxRatesView view = _get(TaxRatesView.class);
        ButtonKt._click(view.add);
        TaxRatesView.TaxRateDialog dialog = _get(TaxRatesView.TaxRateDialog.class);
        dialog.name.setValue("Reduced rate");
        dialog.percentage.setValue(new BigDecimal("150"));
        ButtonKt._click(dialog.save);
        assertThat(dialog.percentage.isInvalid()).isTrue();
        assertThat(dialog.percentage.getErrorMessage()).isEqualTo("Enter a rate from 0 to 100");
        assertThat(taxRates.all()).isEmpty();

        dialog.percentage.setValue(new BigDecimal("7.1234"));
        dialog.inclusive.setValue(true);
        dialog.country.setValue("DE");
        ButtonKt._click(dialog.save);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        var rate = taxRates.all().getFirst();
        assertThat(rate.percentage()).isEqualByComparingTo("7.1234");
        assertThat(rate.inclusive()).isTrue();
        assertThat(rate.country()).isEqualTo("DE");
    }

    @Test
    void sales_cannot_open_tax_rates() {
        login("sam@example.com", Role.SALES);
        assertThatThrownBy(() -> navigate("tax-rates")).hasMessageContaining("Access is denied");
    }
}
