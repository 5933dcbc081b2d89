package org.kiungo.connector;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * Rates with the connector's spread taken off: a spread of 20 basis points pays out 0.998 of what the plain rate
 * would, which is what the node earns for converting. Exact: the rate's fraction is multiplied by
 * {@code (10000 - spread) / 10000}. Only conversions between different asset codes carry the spread; a packet
 * that merely changes scale within one asset is not charged for it.
 */
public final class SpreadRates implements RateSource {
    public static final int BASIS_POINTS_PER_ONE = 10_000;
    /** The largest spread; 10,000 basis points would pay out nothing at all. */
    public static final int SPREAD_BPS_MAX = BASIS_POINTS_PER_ONE - 1;

    private final RateSource rates;
    private final BigInteger keptPerTenThousand;

    private SpreadRates(RateSource rates, int spreadBps) {
        this.rates = rates;
        this.keptPerTenThousand = BigInteger.valueOf(BASIS_POINTS_PER_ONE - spreadBps);
    }

    /** {@code rates} less {@code spreadBps} basis points; {@code rates} itself when the spread is zero. */
    public static RateSource of(RateSource rates, int spreadBps) {
        Objects.requireNonNull(rates, "rates");
        if (spreadBps < 0 || spreadBps > SPREAD_BPS_MAX) {
            throw new IllegalArgumentException("a spread is 0 to " + SPREAD_BPS_MAX + " basis points: " + spreadBps);
        }
        return spreadBps == 0 ? rates : new SpreadRates(rates, spreadBps);
    }

    @Override
    public Optional<ExchangeRate> rate(String sourceCode, String destinationCode) {
        Optional<ExchangeRate> rate = rates.rate(sourceCode, destinationCode);
        if (sourceCode.equals(destinationCode)) {
            return rate;
        }
        return rate.map(plain -> new ExchangeRate(plain.numerator().multiply(keptPerTenThousand),
                plain.denominator().multiply(BigInteger.valueOf(BASIS_POINTS_PER_ONE))));
    }
}
