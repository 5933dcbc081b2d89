package org.kiungo.connector;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Fixed rates quoted against one base asset, in the shape of an {@code EXCHANGE_RATES_URL} answer
 * ({@code {base, rates}}): {@code rates.get("EUR") = 0.9} with base {@code USD} means one dollar buys 0.9 euros.
 */
public final class StaticRates implements RateSource {
    /** Most asset codes in one table. */
    public static final int RATES_MAX = 10_000;

    private final String base;
    private final Map<String, BigDecimal> perBase;

    public StaticRates(String base, Map<String, BigDecimal> rates) {
        this.base = Objects.requireNonNull(base, "base");
        if (rates.size() > RATES_MAX) {
            throw new IllegalArgumentException("at most " + RATES_MAX + " rates");
        }
        Map<String, BigDecimal> all = new HashMap<>(rates);
        all.forEach((code, rate) -> {
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("the rate of " + code + " must be positive");
            }
        });
        all.put(base, BigDecimal.ONE);
        this.perBase = Map.copyOf(all);
    }

    /** No rates at all: only packets within one asset can be forwarded. */
    public static StaticRates none() {
        return new StaticRates("XXX", Map.of());
    }

    /** The asset every rate is quoted against. */
    public String base() {
        return base;
    }

    /** How many asset codes have a rate, the base included. */
    public int size() {
        return perBase.size();
    }

    @Override
    public Optional<ExchangeRate> rate(String sourceCode, String destinationCode) {
        if (sourceCode.equals(destinationCode)) {
            return Optional.of(ExchangeRate.ONE);
        }
        BigDecimal source = perBase.get(sourceCode);
        BigDecimal destination = perBase.get(destinationCode);
        if (source == null || destination == null) {
            return Optional.empty();
        }
        return Optional.of(ExchangeRate.between(source, destination));
    }
}
