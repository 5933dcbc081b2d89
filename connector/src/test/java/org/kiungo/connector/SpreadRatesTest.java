package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadRatesTest {
    private final StaticRates plain = new StaticRates("USD", Map.of("EUR", new BigDecimal("0.9")));

    private static BigInteger convert(RateSource rates, String from, String to, long amount) {
        return rates.rate(from, to).orElseThrow().convert(BigInteger.valueOf(amount), 2, 2);
    }

    @Test
    void shouldTakeTheSpreadOffExactly() {
        RateSource spread = SpreadRates.of(plain, 20);

        // 10,000.00 USD at 0.9 is 9,000.00 EUR; less 0.2 % is 8,982.00 EUR.
        assertThat(convert(spread, "USD", "EUR", 1_000_000)).isEqualTo(898_200);
        // 1 cent less 0.2 % is 0.998 cents of USD: rounded down to nothing, never up.
        assertThat(convert(SpreadRates.of(new StaticRates("USD", Map.of("USX", BigDecimal.ONE)), 20), "USD", "USX",
                1)).isZero();
    }

    @Test
    void shouldNotChargeTheSpreadWithinOneAsset() {
        assertThat(SpreadRates.of(plain, 500).rate("EUR", "EUR")).contains(ExchangeRate.ONE);
    }

    @Test
    void shouldBeThePlainSourceWithoutASpread() {
        assertThat(SpreadRates.of(plain, 0)).isSameAs(plain);
    }

    @Test
    void shouldKnowNoRateWhereThePlainSourceKnowsNone() {
        assertThat(SpreadRates.of(plain, 10).rate("USD", "GBP")).isEmpty();
    }

    @Test
    void shouldRefuseASpreadOutsideItsRange() {
        assertThat(convert(SpreadRates.of(plain, SpreadRates.SPREAD_BPS_MAX), "USD", "EUR", 1_000_000)).isEqualTo(90);
        assertThatThrownBy(() -> SpreadRates.of(plain, SpreadRates.SPREAD_BPS_MAX + 1))
                .hasMessageContaining("0 to 9999 basis points");
        assertThatThrownBy(() -> SpreadRates.of(plain, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
