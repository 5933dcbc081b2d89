package org.kiungo.stream;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact non-negative rational number, for exchange rates and slippage: amounts are multiplied by it exactly and
 * rounded down, so a computed amount is never more than the exact one. No floating point anywhere.
 *
 * @param numerator zero or more
 * @param denominator more than zero
 */
public record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {
    public static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);
    public static final Ratio ONE = new Ratio(BigInteger.ONE, BigInteger.ONE);
    private static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(Long.SIZE).subtract(BigInteger.ONE);

    public Ratio {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (numerator.signum() < 0 || denominator.signum() <= 0) {
            throw new IllegalArgumentException("a ratio needs a numerator of 0 or more and a positive denominator");
        }
    }

    /** The ratio of two unsigned 64-bit amounts, such as amount received over amount sent. */
    public static Ratio ofUnsigned(long numerator, long denominator) {
        return new Ratio(unsigned(numerator), unsigned(denominator));
    }

    /** An exact ratio from a decimal such as {@code 0.01}. */
    public static Ratio of(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new Ratio(stripped.toBigIntegerExact(), BigInteger.ONE);
        }
        return new Ratio(stripped.unscaledValue(), BigInteger.TEN.pow(stripped.scale()));
    }

    /** {@code floor(amount × this)}, unsigned, capped at 2^64-1. */
    public long multiplyFloor(long amount) {
        BigInteger product = unsigned(amount).multiply(numerator).divide(denominator);
        return product.min(UNSIGNED_LONG_MAX).longValue();
    }

    public Ratio times(Ratio other) {
        return new Ratio(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    /** {@code 1 - this}, for a slippage between 0 and 1. */
    public Ratio complement() {
        if (numerator.compareTo(denominator) > 0) {
            throw new IllegalArgumentException("only a ratio of at most 1 has a complement: " + this);
        }
        return new Ratio(denominator.subtract(numerator), denominator);
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    @Override
    public int compareTo(Ratio other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    /** An approximate decimal for logs and reports; never used in arithmetic. */
    @Override
    public String toString() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 12, RoundingMode.DOWN)
                .stripTrailingZeros().toPlainString();
    }

    static BigInteger unsigned(long value) {
        BigInteger big = BigInteger.valueOf(value);
        return value >= 0 ? big : big.add(BigInteger.ONE.shiftLeft(Long.SIZE));
    }
}
