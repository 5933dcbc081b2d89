package org.kiungo.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RatioTest {
    @Test
    void shouldReadADecimalExactly() {
        assertThat(Ratio.of(new BigDecimal("0.01"))).isEqualByComparingTo(
                new Ratio(BigInteger.ONE, BigInteger.valueOf(100)));
        assertThat(Ratio.of(new BigDecimal("25"))).isEqualByComparingTo(new Ratio(BigInteger.valueOf(25),
                BigInteger.ONE));
    }

    @Test
    void shouldRoundProductsDownAndCapThemAtTheLargestUnsignedAmount() {
        Ratio twoThirds = new Ratio(BigInteger.TWO, BigInteger.valueOf(3));

        assertThat(twoThirds.multiplyFloor(10)).isEqualTo(6);
        assertThat(new Ratio(BigInteger.TEN, BigInteger.ONE).multiplyFloor(-1)).isEqualTo(-1);
        assertThat(Ratio.ofUnsigned(-1, 2).multiplyFloor(2)).isEqualTo(-1);
    }

    @Test
    void shouldCompareByValueNotByRepresentation() {
        assertThat(Ratio.ofUnsigned(2, 4)).isEqualByComparingTo(Ratio.ofUnsigned(1, 2));
        assertThat(Ratio.ofUnsigned(1, 3)).isLessThan(Ratio.ofUnsigned(1, 2));
    }

    @Test
    void shouldRefuseNegativeOrUndefinedRatiosAndComplementsAboveOne() {
        assertThatThrownBy(() -> new Ratio(BigInteger.ONE, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ratio(BigInteger.ONE.negate(), BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ratio.ofUnsigned(3, 2).complement()).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void multiplyFloorNeverExceedsTheExactProduct(@ForAll @LongRange(min = 0) long amount,
                                                  @ForAll @LongRange(min = 0, max = 1_000_000) long numerator,
                                                  @ForAll @LongRange(min = 1, max = 1_000_000) long denominator) {
        long floor = Ratio.ofUnsigned(numerator, denominator).multiplyFloor(amount);
        BigDecimal exact = new BigDecimal(amount).multiply(new BigDecimal(numerator))
                .divide(new BigDecimal(denominator), 6, RoundingMode.DOWN);

        BigDecimal result = new BigDecimal(Ratio.unsigned(floor));
        assertThat(result).isLessThanOrEqualTo(exact);
        if (exact.compareTo(new BigDecimal("18446744073709551615")) < 0) {
            assertThat(exact.subtract(result)).isLessThan(BigDecimal.ONE);
        }
    }
}
