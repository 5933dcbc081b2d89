package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExchangeRateTest {
    private final StaticRates rates = new StaticRates("USD", Map.of("EUR", new BigDecimal("0.9"),
            "JPY", new BigDecimal("150"), "XBT", new BigDecimal("0.00001")));

    private BigInteger convert(String from, int fromScale, String to, int toScale, long amount) {
        return rates.rate(from, to).orElseThrow().convert(BigInteger.valueOf(amount), fromScale, toScale);
    }

    @Test
    void shouldConvertExactlyAcrossAssetsAndScales() {
        // 12.34 USD at scale 2 is 11.106 EUR, which is 11106000 at scale 6.
        assertThat(convert("USD", 2, "EUR", 6, 1234)).isEqualTo(11_106_000);
        // 1 EUR is 1/0.9 USD = 1.111... USD: 111 cents, rounded down.
        assertThat(convert("EUR", 0, "USD", 2, 1)).isEqualTo(111);
        assertThat(convert("USD", 0, "JPY", 0, 3)).isEqualTo(450);
        assertThat(convert("JPY", 0, "XBT", 8, 150)).isEqualTo(1_000);
    }

    @Test
    void shouldRoundDownSoTheSenderIsNeverFavoured() {
        // 1 cent is 0.009 EUR: at scale 2 that is 0.9 of a euro cent, which rounds down to 0.
        assertThat(convert("USD", 2, "EUR", 2, 1)).isZero();
        assertThat(convert("USD", 2, "EUR", 2, 2)).isEqualTo(1);
        assertThat(convert("USD", 2, "EUR", 2, 12)).isEqualTo(10);
    }

    @Test
    void shouldKeepTheSameCodeAtOneAndOnlyShiftTheScale() {
        assertThat(rates.rate("EUR", "EUR")).contains(ExchangeRate.ONE);
        assertThat(convert("USD", 2, "USD", 4, 5)).isEqualTo(500);
        assertThat(convert("USD", 4, "USD", 2, 599)).isEqualTo(5);
    }

    @Test
    void shouldKnowNoRateForAnUnknownCode() {
        assertThat(rates.rate("USD", "GBP")).isEmpty();
        assertThat(rates.rate("GBP", "USD")).isEmpty();
        assertThat(StaticRates.none().rate("USD", "EUR")).isEmpty();
    }

    @Test
    void shouldConvertTheLargestAmountWithoutOverflow() {
        BigInteger max = new BigInteger("18446744073709551615");
        BigInteger converted = rates.rate("USD", "JPY").orElseThrow().convert(max, 0, 0);

        assertThat(converted).isEqualTo(max.multiply(BigInteger.valueOf(150)));
    }
}
