package org.kiungo.codec.oer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.DecodingException;

class OerProperties {
    @Property(tries = 2_000)
    void shouldRoundTripEveryVarUIntInTheFewestBytes(@ForAll long value) throws DecodingException {
        byte[] bytes = new OerWriter().writeVarUInt(value).toByteArray();
        int minimal = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 7) / 8);
        assertThat(bytes).hasSize(1 + minimal);
        OerReader in = new OerReader(bytes);
        assertThat(in.readVarUInt()).isEqualTo(value);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(new OerReader(bytes).readVarUIntSaturating()).isEqualTo(value);
    }

    @Property(tries = 500)
    void shouldRejectAVarUIntPaddedWithALeadingZeroByte(@ForAll long value) {
        byte[] minimal = new OerWriter().writeVarUInt(value).toByteArray();
        if (minimal.length > 8) {
            return;
        }
        byte[] padded = new byte[minimal.length + 1];
        padded[0] = (byte) minimal.length;
        System.arraycopy(minimal, 1, padded, 2, minimal.length - 1);
        assertThatThrownBy(() -> new OerReader(padded).readVarUInt()).isInstanceOf(DecodingException.class);
    }

    @Example
    void shouldRejectZeroWrittenInTwoBytes() {
        assertThatThrownBy(() -> new OerReader(new byte[] {2, 0, 0}).readVarUInt())
                .isInstanceOf(DecodingException.class);
    }

    @Property(tries = 2_000)
    void shouldRoundTripEveryLengthDeterminant(@ForAll("lengths") int length) throws DecodingException {
        byte[] bytes = new OerWriter().writeLength(length).toByteArray();
        assertThat(bytes).hasSize(length < 0x80 ? 1 : 2 + (31 - Integer.numberOfLeadingZeros(length)) / 8);
        OerReader in = new OerReader(bytes);
        assertThat(in.readLength()).isEqualTo(length);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Property(tries = 300)
    void shouldRoundTripVarOctetStrings(@ForAll("octets") byte[] octets) throws DecodingException {
        byte[] bytes = new OerWriter().writeVarOctetString(octets).toByteArray();
        OerReader in = new OerReader(bytes);
        assertThat(in.readVarOctetString("octets")).isEqualTo(octets);
        assertThat(in.hasRemaining()).isFalse();
    }

    @Property(tries = 300)
    void shouldRejectATruncatedVarOctetString(@ForAll("octets") byte[] octets, @ForAll @IntRange(min = 1,
            max = 200) int missing) {
        byte[] bytes = new OerWriter().writeVarOctetString(octets).toByteArray();
        byte[] cut = Arrays.copyOf(bytes, Math.max(0, bytes.length - missing));
        assertThatThrownBy(() -> new OerReader(cut).readVarOctetString("octets"))
                .isInstanceOf(DecodingException.class);
    }

    @Property(tries = 3_000)
    void shouldRoundTripEveryMillisecondFromYearZeroToYear9999(@ForAll("instants") Instant instant)
            throws DecodingException {
        byte[] digits = IlpTimestamp.encode(instant);
        assertThat(digits).hasSize(IlpTimestamp.LENGTH);
        assertThat(IlpTimestamp.decode(digits)).isEqualTo(instant);
        assertThat(new OerReader(new OerWriter().writeTimestamp(instant).toByteArray()).readTimestamp())
                .isEqualTo(instant);
    }

    @Property(tries = 1_000)
    void shouldRoundTripFixedWidthIntegers(@ForAll long value) throws DecodingException {
        int u8 = (int) (value & 0xff);
        int u16 = (int) (value & 0xffff);
        long u32 = value & 0xffff_ffffL;
        byte[] bytes = new OerWriter().writeUInt8(u8).writeUInt16(u16).writeUInt32(u32).writeUInt64(value)
                .toByteArray();
        OerReader in = new OerReader(bytes);
        assertThat(new long[] {in.readUInt8(), in.readUInt16(), in.readUInt32(), in.readUInt64()})
                .containsExactly(u8, u16, u32, value);
        in.requireEnd("integers");
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<byte[]> octets() {
        // Up to 70,000 bytes reaches the three-byte long form (82 xx xx) and beyond.
        return CodecArbitraries.bytes(70_000);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(CodecArbitraries.instants(),
                Arbitraries.of(IlpTimestamp.MIN, IlpTimestamp.MAX, Instant.EPOCH));
    }
}
