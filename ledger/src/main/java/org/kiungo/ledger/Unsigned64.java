package org.kiungo.ledger;

import java.math.BigInteger;

/**
 * Arithmetic on amounts and balances held as unsigned 64-bit values in a {@code long}. Java has no unsigned add
 * with an overflow check ({@code Math.addExact} is signed), and a balance that wraps silently is a lost fortune,
 * so every sum the ledger computes goes through here.
 */
public final class Unsigned64 {
    /** 2^64 - 1, the largest amount. */
    public static final long MAX = -1L;

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private Unsigned64() {
    }

    /** Whether {@code a + b} exceeds 2^64 - 1. */
    public static boolean addOverflows(long a, long b) {
        // An unsigned sum wrapped exactly when it is smaller than either operand.
        return Long.compareUnsigned(a + b, a) < 0;
    }

    /** Whether {@code a + b + c} exceeds 2^64 - 1. */
    public static boolean addOverflows(long a, long b, long c) {
        return addOverflows(a, b) || addOverflows(a + b, c);
    }

    /** {@code a + b}, for sums the caller has already checked; throws if it overflows anyway. */
    public static long add(long a, long b) {
        if (addOverflows(a, b)) {
            throw new ArithmeticException("unsigned 64-bit overflow: " + toString(a) + " + " + toString(b));
        }
        return a + b;
    }

    /** {@code a - b}; throws if {@code b > a}, which would be a broken ledger invariant. */
    public static long subtract(long a, long b) {
        if (Long.compareUnsigned(a, b) < 0) {
            throw new ArithmeticException("unsigned 64-bit underflow: " + toString(a) + " - " + toString(b));
        }
        return a - b;
    }

    /** Whether {@code a > b} as unsigned values. */
    public static boolean greaterThan(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }

    /** The exact value, for sums across many accounts and for display. */
    public static BigInteger toBigInteger(long a) {
        BigInteger value = BigInteger.valueOf(a);
        return a >= 0 ? value : value.add(TWO_TO_64);
    }

    /** Decimal digits of the unsigned value. */
    public static String toString(long a) {
        return Long.toUnsignedString(a);
    }
}
