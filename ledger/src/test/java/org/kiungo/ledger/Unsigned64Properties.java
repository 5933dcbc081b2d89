package org.kiungo.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class Unsigned64Properties {
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    @Provide
    Arbitrary<Long> amounts() {
        // Edges matter most: around zero, around 2^63 (the sign bit) and around 2^64.
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 3),
                Arbitraries.longs().between(Long.MAX_VALUE - 3, Long.MAX_VALUE),
                Arbitraries.longs().between(Long.MIN_VALUE, Long.MIN_VALUE + 3));
    }

    private static BigInteger big(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    @Property
    void shouldDetectOverflowExactlyWhenTheTrueSumExceedsTwoToThe64(@ForAll("amounts") long a,
                                                                     @ForAll("amounts") long b) {
        boolean overflows = big(a).add(big(b)).compareTo(MAX) > 0;
        assertThat(Unsigned64.addOverflows(a, b)).isEqualTo(overflows);
        if (overflows) {
            assertThatThrownBy(() -> Unsigned64.add(a, b)).isInstanceOf(ArithmeticException.class);
        } else {
            assertThat(big(Unsigned64.add(a, b))).isEqualTo(big(a).add(big(b)));
        }
    }

    @Property
    void shouldDetectOverflowOfThreeTerms(@ForAll("amounts") long a, @ForAll("amounts") long b,
                                         @ForAll("amounts") long c) {
        boolean overflows = big(a).add(big(b)).add(big(c)).compareTo(MAX) > 0;
        assertThat(Unsigned64.addOverflows(a, b, c)).isEqualTo(overflows);
    }

    @Property
    void shouldSubtractOnlyWhenTheResultIsNotNegative(@ForAll("amounts") long a, @ForAll("amounts") long b) {
        BigInteger difference = big(a).subtract(big(b));
        if (difference.signum() < 0) {
            assertThatThrownBy(() -> Unsigned64.subtract(a, b)).isInstanceOf(ArithmeticException.class);
        } else {
            assertThat(big(Unsigned64.subtract(a, b))).isEqualTo(difference);
        }
    }

    @Property
    void shouldCompareAndConvertAsUnsigned(@ForAll("amounts") long a, @ForAll("amounts") long b) {
        assertThat(Unsigned64.greaterThan(a, b)).isEqualTo(big(a).compareTo(big(b)) > 0);
        assertThat(Unsigned64.toBigInteger(a)).isEqualTo(big(a));
        assertThat(Unsigned64.toString(a)).isEqualTo(big(a).toString());
    }
}
