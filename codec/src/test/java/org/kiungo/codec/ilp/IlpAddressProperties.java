package org.kiungo.codec.ilp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.kiungo.codec.CodecArbitraries;

class IlpAddressProperties {
    /** RFC 15's grammar, written independently of {@link IlpAddress}, to judge it by. */
    private static final Pattern REFERENCE =
            Pattern.compile("^(g|private|example|peer|self|test[1-3]?|local)(\\.[a-zA-Z0-9_~-]+)+$");

    @Property(tries = 1_000)
    void shouldAcceptEveryGeneratedValidAddress(@ForAll("addresses") IlpAddress address) {
        assertThat(IlpAddress.isValid(address.value())).isTrue();
        assertThat(REFERENCE.matcher(address.value()).matches()).isTrue();
        assertThat(address.value().length()).isLessThanOrEqualTo(IlpAddress.LENGTH_MAX);
    }

    @Property(tries = 5_000)
    void shouldAgreeWithTheReferenceGrammarOnAnyString(@ForAll("candidates") String candidate) {
        boolean expected = REFERENCE.matcher(candidate).matches() && candidate.length() <= IlpAddress.LENGTH_MAX;
        assertThat(IlpAddress.isValid(candidate)).as(candidate).isEqualTo(expected);
    }

    @Property(tries = 200)
    void shouldAcceptAddressesUpTo1023CharactersAndNoLonger(@ForAll("lengths") int length) {
        String address = "g." + "a".repeat(length - 2);
        assertThat(IlpAddress.isValid(address)).isEqualTo(length <= IlpAddress.LENGTH_MAX);
    }

    @Provide
    Arbitrary<IlpAddress> addresses() {
        return CodecArbitraries.addresses();
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.oneOf(Arbitraries.integers().between(3, 2_000),
                Arbitraries.integers().between(IlpAddress.LENGTH_MAX - 2, IlpAddress.LENGTH_MAX + 2));
    }

    /** Strings that are near-misses as often as hits: known and unknown schemes, dots and odd characters. */
    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> scheme = Arbitraries.of(List.of("g", "private", "example", "peer", "self", "test",
                "test1", "test3", "test4", "local", "G", "", "gg", "testx", "xg"));
        Arbitrary<String> tail = Arbitraries.strings().withChars("ab.Z9_~-.").withChars(".\u00e9 /\n+*\u0000")
                .ofMaxLength(30);
        Arbitrary<String> nearMiss = Combinators.combine(scheme, tail).as((s, t) -> s + t);
        Arbitrary<String> longOnes = Combinators.combine(scheme, Arbitraries.strings().withChars("a.")
                .ofMinLength(1000).ofMaxLength(1030)).as((s, t) -> s + "." + t);
        return Arbitraries.frequencyOf(Tuple.of(6, nearMiss),
                Tuple.of(2, longOnes),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(20)));
    }
}
