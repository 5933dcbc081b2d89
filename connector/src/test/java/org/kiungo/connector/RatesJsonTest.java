package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RatesJsonTest {
    @Test
    void shouldReadRafikisShapeExactly() {
        StaticRates rates = RatesJson.parse("{\"base\":\"USD\",\"rates\":{\"EUR\":0.9,\"JPY\":150,\"XBT\":1.1e-5},"
                + "\"timestamp\":{\"ignored\":[1,2]}}");

        assertThat(rates.base()).isEqualTo("USD");
        assertThat(rates.rate("USD", "EUR")).contains(new ExchangeRate(BigInteger.valueOf(9), BigInteger.TEN));
        assertThat(rates.rate("USD", "JPY").orElseThrow().convert(BigInteger.ONE, 0, 0)).isEqualTo(150);
        assertThat(rates.rate("USD", "XBT").orElseThrow().convert(BigInteger.valueOf(100_000), 0, 8))
                .isEqualTo(110_000_000);
    }

    @Test
    void shouldKeepEveryDigitADoubleWouldLose() {
        // 0.1 + 0.2 is not 0.3 in binary floating point; here 0.3000000000000000000000000001 stays what it says.
        StaticRates rates = RatesJson.parse("{\"base\":\"USD\",\"rates\":{\"EUR\":0.3000000000000000000000000001}}");

        BigInteger huge = BigInteger.TEN.pow(28);
        assertThat(rates.rate("USD", "EUR").orElseThrow().convert(huge, 0, 0))
                .isEqualTo(new BigInteger("3000000000000000000000000001"));
    }

    @Test
    void shouldAcceptAnEmptyTable() {
        assertThat(RatesJson.parse("{\"rates\":{},\"base\":\"EUR\"}").rate("EUR", "USD")).isEmpty();
    }

    @Test
    void shouldRefuseBadDocumentsSayingWhy() {
        assertProblem("[]", "a JSON object with base and rates");
        assertProblem("{\"rates\":{}}", "base is missing");
        assertProblem("{\"base\":\"USD\"}", "rates is missing");
        assertProblem("{\"base\":1,\"rates\":{}}", "base must be a string");
        assertProblem("{\"base\":\"USD\",\"rates\":[]}", "rates must be an object");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":\"0.9\"}}", "the rate of EUR must be a number");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":0}}", "the rate of EUR must be positive");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":-0.9}}", "the rate of EUR must be positive");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":1e-41}}", "exponent beyond 40");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":1.00000000000000000000000000000000000000001}}",
                "more than 40 digits");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"\":1}}", "an asset code has 1 to 64 characters");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":1,\"EUR\":2}}", "not valid JSON: Duplicate field");
        assertProblem("{\"base\":\"USD\",\"rates\":{}} x", "not valid JSON");
        assertProblem("{\"base\":\"USD\",\"rates\":{}}{}", "text follows the JSON object");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":0.9", "not valid JSON");
        assertProblem("{\"base\":\"USD\",\"rates\":{\"EUR\":" + "1".repeat(101) + "}}", "not valid JSON");
        assertProblem("{\"x\":" + "[".repeat(20) + "]".repeat(20) + ",\"base\":\"USD\",\"rates\":{}}",
                "not valid JSON");
    }

    @Test
    void shouldRefuseMoreRatesThanTheLimitAndAcceptTheLimit() {
        StringBuilder json = new StringBuilder("{\"base\":\"B\",\"rates\":{");
        for (int i = 0; i < StaticRates.RATES_MAX; i++) {
            json.append(i == 0 ? "" : ",").append("\"C").append(i).append("\":1");
        }
        assertThat(RatesJson.parse(json + "}}").size()).isEqualTo(StaticRates.RATES_MAX + 1);
        assertProblem(json + ",\"D\":1}}", "more than " + StaticRates.RATES_MAX + " rates");
    }

    private static void assertProblem(String json, String problem) {
        assertThatThrownBy(() -> RatesJson.parse(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }
}
