package org.kiungo.connector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * How many whole units of a destination asset one whole unit of a source asset buys, as an exact fraction, so a
 * conversion never loses a unit to floating point.
 */
public record ExchangeRate(BigInteger numerator, BigInteger denominator) {
    public static final ExchangeRate ONE = new ExchangeRate(BigInteger.ONE, BigInteger.ONE);

    public ExchangeRate {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (numerator.signum() <= 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("an exchange rate is positive");
        }
    }

    /** The rate {@code destinationPerBase / sourcePerBase}: both rates quoted against one base asset. */
    public static ExchangeRate between(BigDecimal sourcePerBase, BigDecimal destinationPerBase) {
        if (sourcePerBase.signum() <= 0 || destinationPerBase.signum() <= 0) {
            throw new IllegalArgumentException("an exchange rate is positive");
        }
        // d/s with d = ud / 10^sd and s = us / 10^ss is (ud * 10^ss) / (us * 10^sd); scales may be negative.
        BigInteger numerator = destinationPerBase.unscaledValue();
        BigInteger denominator = sourcePerBase.unscaledValue();
        int scaleDifference = sourcePerBase.scale() - destinationPerBase.scale();
        if (scaleDifference >= 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow(scaleDifference));
        } else {
            denominator = denominator.multiply(BigInteger.TEN.pow(-scaleDifference));
        }
        return new ExchangeRate(numerator, denominator);
    }

    /**
     * {@code amount} base units of an asset with {@code sourceScale} in base units of an asset with
     * {@code destinationScale}, rounded down: the node never pays out more than it received.
     */
    public BigInteger convert(BigInteger amount, int sourceScale, int destinationScale) {
        BigInteger top = amount.multiply(numerator);
        BigInteger bottom = denominator;
        if (destinationScale >= sourceScale) {
            top = top.multiply(BigInteger.TEN.pow(destinationScale - sourceScale));
        } else {
            bottom = bottom.multiply(BigInteger.TEN.pow(sourceScale - destinationScale));
        }
        return top.divide(bottom);
    }
}
