package org.kiungo.codec.ilp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;

class AmountTooLargeDataTest {
    @TestFactory
    Stream<DynamicTest> shouldMatchTheF08Vectors() {
        return Vectors.list(Vectors.load("f08-data.json").get("cases")).stream().map(v -> DynamicTest.dynamicTest(
                Vectors.name(v), () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    if (v.get("valid").asBoolean()) {
                        AmountTooLargeData data = AmountTooLargeData.decode(bytes);
                        assertThat(Long.toUnsignedString(data.receivedAmount()))
                                .isEqualTo(v.get("receivedAmount").asText());
                        assertThat(Long.toUnsignedString(data.maximumAmount()))
                                .isEqualTo(v.get("maximumAmount").asText());
                        assertThat(data.encode()).isEqualTo(bytes);
                    } else {
                        assertThatThrownBy(() -> AmountTooLargeData.decode(bytes))
                                .isInstanceOf(DecodingException.class);
                    }
                }));
    }

    @Test
    void shouldCarryAmountsAboveLongMaxValue() throws DecodingException {
        AmountTooLargeData data = new AmountTooLargeData(-1L, Long.MIN_VALUE);
        assertThat(AmountTooLargeData.decode(data.encode())).isEqualTo(data);
        assertThat(data.toString()).contains("18446744073709551615", "9223372036854775808");
    }
}
