package org.kiungo.codec;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.InterledgerPacket;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.oer.IlpTimestamp;

/** jqwik generators for the values every codec property needs: addresses, amounts, instants, data, packets. */
public final class CodecArbitraries {
    private static final String SEGMENT_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_~-";

    private CodecArbitraries() {
    }

    /** Valid addresses, mostly short, sometimes up to the 1023-character limit. */
    public static Arbitrary<IlpAddress> addresses() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, addresses(4, 16)),
                Tuple.of(2, addresses(60, 60)));
    }

    /** Valid addresses with up to {@code segmentsMax} segments of up to {@code segmentLengthMax} characters. */
    public static Arbitrary<IlpAddress> addresses(int segmentsMax, int segmentLengthMax) {
        Arbitrary<String> segment = Arbitraries.strings().withChars(SEGMENT_CHARS).ofMinLength(1)
                .ofMaxLength(segmentLengthMax);
        Arbitrary<String> scheme = Arbitraries.of(List.copyOf(IlpAddress.SCHEMES));
        return Combinators.combine(scheme, segment.list().ofMinSize(1).ofMaxSize(segmentsMax))
                .as((s, segments) -> IlpAddress.of(fitLength(s + "." + String.join(".", segments))));
    }

    private static String fitLength(String address) {
        if (address.length() <= IlpAddress.LENGTH_MAX) {
            return address;
        }
        String cut = address.substring(0, IlpAddress.LENGTH_MAX);
        return cut.endsWith(".") ? cut.substring(0, cut.length() - 1) + "x" : cut;
    }

    /** Any unsigned 64-bit amount, including those above {@link Long#MAX_VALUE} (negative as a long). */
    public static Arbitrary<Long> amounts() {
        return Arbitraries.longs();
    }

    /** Any instant the ILP timestamp can hold, at millisecond precision. */
    public static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(IlpTimestamp.MIN.toEpochMilli(), IlpTimestamp.MAX.toEpochMilli())
                .map(Instant::ofEpochMilli);
    }

    /** Data of any length up to {@code max}, biased towards short, with the maximum itself as an edge. */
    public static Arbitrary<byte[]> bytes(int max) {
        Arbitrary<Byte> b = Arbitraries.bytes();
        return Arbitraries.frequencyOf(
                Tuple.of(10, b.array(byte[].class).ofMaxSize(Math.min(64, max))),
                Tuple.of(2, b.array(byte[].class).ofMaxSize(max)),
                Tuple.of(1, b.array(byte[].class).ofSize(max)));
    }

    public static Arbitrary<byte[]> data() {
        return bytes(InterledgerPacket.DATA_LENGTH_MAX);
    }

    /** Text of any Unicode scalar values, including characters outside the Basic Multilingual Plane. */
    public static Arbitrary<String> unicode(int codePointsMax) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xfffd)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMaxSize(codePointsMax).map(points -> {
            StringBuilder text = new StringBuilder();
            points.forEach(text::appendCodePoint);
            return text.toString();
        });
    }

    public static Arbitrary<Prepare> prepares() {
        return Combinators.combine(amounts(), instants(), fixedBytes(Prepare.CONDITION_LENGTH), addresses(), data())
                .as(Prepare::new);
    }

    public static Arbitrary<Fulfill> fulfills() {
        return Combinators.combine(fixedBytes(Fulfill.FULFILLMENT_LENGTH), data()).as(Fulfill::new);
    }

    /** Rejects whose message fits the limit, with any code, empty or valid triggeredBy, non-ASCII text. */
    public static Arbitrary<Reject> rejects() {
        Arbitrary<ErrorCode> code = Arbitraries.strings().ascii().ofLength(ErrorCode.LENGTH).map(ErrorCode::new);
        Arbitrary<String> triggeredBy = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just("")),
                Tuple.of(5, addresses().map(IlpAddress::value)));
        // 2,000 code points of at most 4 bytes stay under the 8,191-byte message limit.
        return Combinators.combine(code, triggeredBy, unicode(2_000), data()).as(Reject::new);
    }

    public static Arbitrary<InterledgerPacket> packets() {
        return Arbitraries.oneOf(prepares(), fulfills(), rejects());
    }

    public static Arbitrary<byte[]> fixedBytes(int length) {
        return Arbitraries.bytes().array(byte[].class).ofSize(length);
    }
}
