package org.kiungo.codec.stream;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for STREAM values, shared by the round-trip and the fuzz properties. */
final class StreamArbitraries {
    private static final int FRAMES_MAX = 8;
    private static final int BYTES_MAX = 64;

    private StreamArbitraries() {
    }

    static Arbitrary<StreamPacket> packets() {
        return Combinators.combine(Arbitraries.of(StreamPacket.PREPARE, StreamPacket.FULFILL, StreamPacket.REJECT),
                u64(), u64(), frames().list().ofMaxSize(FRAMES_MAX)).as(StreamPacket::new);
    }

    static Arbitrary<StreamFrame> frames() {
        return Arbitraries.oneOf(List.of(
                Combinators.combine(errorCodes(), text()).as(StreamFrame.ConnectionClose::new),
                addresses().map(StreamFrame.ConnectionNewAddress::new),
                u64().map(StreamFrame.ConnectionMaxData::new),
                u64().map(StreamFrame.ConnectionDataBlocked::new),
                u64().map(StreamFrame.ConnectionMaxStreamId::new),
                u64().map(StreamFrame.ConnectionStreamIdBlocked::new),
                Combinators.combine(text(), Arbitraries.integers().between(0, StreamFrame.ASSET_SCALE_MAX))
                        .as(StreamFrame.ConnectionAssetDetails::new),
                Combinators.combine(u64(), errorCodes(), text()).as(StreamFrame.StreamClose::new),
                Combinators.combine(u64(), u64()).as(StreamFrame.StreamMoney::new),
                Combinators.combine(u64(), u64(), u64()).as(StreamFrame.StreamMaxMoney::new),
                Combinators.combine(u64(), u64(), u64()).as(StreamFrame.StreamMoneyBlocked::new),
                Combinators.combine(u64(), u64(), bytes()).as(StreamFrame.StreamData::new),
                Combinators.combine(u64(), u64()).as(StreamFrame.StreamMaxData::new),
                Combinators.combine(u64(), u64()).as(StreamFrame.StreamDataBlocked::new),
                Combinators.combine(u64(), bytes()).as(StreamFrame.StreamReceipt::new)));
    }

    /** Unsigned 64-bit values: every long, with the edges 0, 2^63-1, 2^63 and 2^64-1 among jqwik's edge cases. */
    static Arbitrary<Long> u64() {
        return Arbitraries.longs();
    }

    static Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(BYTES_MAX);
    }

    static Arbitrary<byte[]> bytes(int length) {
        return Arbitraries.bytes().array(byte[].class).ofSize(length);
    }

    /** Strings without lone surrogates, which UTF-8 cannot carry. */
    static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(BYTES_MAX)
                .filter(s -> s.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= 0xdfff));
    }

    static Arbitrary<String> addresses() {
        return Arbitraries.strings().withChars("abcxyz019_~-").ofMinLength(1).ofMaxLength(12).list().ofMinSize(1)
                .ofMaxSize(4).map(segments -> String.join(".", segments));
    }

    private static Arbitrary<StreamErrorCode> errorCodes() {
        return Arbitraries.integers().between(0, StreamErrorCode.CODE_MAX).map(StreamErrorCode::new);
    }

    /**
     * A valid encoding with a few random mutations: flipped bits, overwritten bytes, a truncation or appended bytes.
     * These reach deeper into a decoder than random bytes, which mostly fail on the first byte.
     */
    static Arbitrary<byte[]> mutated(Arbitrary<byte[]> valid) {
        Arbitrary<int[]> edits = Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class).ofMinSize(1)
                .ofMaxSize(4);
        return Combinators.combine(valid, edits, bytes()).as(StreamArbitraries::mutate);
    }

    private static byte[] mutate(byte[] valid, int[] edits, byte[] extra) {
        byte[] out = valid.clone();
        for (int edit : edits) {
            int position = out.length == 0 ? 0 : (edit >>> 3) % out.length;
            switch (edit & 7) {
                case 0, 1, 2 -> {
                    if (out.length > 0) {
                        out[position] ^= (byte) (1 << ((edit >>> 8) & 7));
                    }
                }
                case 3, 4 -> {
                    if (out.length > 0) {
                        out[position] = (byte) (edit >>> 11);
                    }
                }
                case 5 -> out = Arrays.copyOf(out, position);
                default -> {
                    byte[] longer = Arrays.copyOf(out, out.length + extra.length);
                    System.arraycopy(extra, 0, longer, out.length, extra.length);
                    out = longer;
                }
            }
        }
        return out;
    }
}
