package org.kiungo.codec.ilp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.Fuzz;
import org.kiungo.codec.Vectors;

/**
 * Random and mutated input for the ILP decoders: each returns a packet or throws DecodingException, and whatever
 * is accepted re-encodes to the very same bytes, since decoding is strict and encoding canonical.
 */
class IlpDecoderFuzzProperties {
    static final int BATCH = 1_000;
    private static final List<byte[]> CORPUS = corpus();
    private static final List<byte[]> F08_CORPUS = CodecArbitraries.amounts().list().ofSize(2).sampleStream()
            .limit(64).map(a -> new AmountTooLargeData(a.get(0), a.get(1)).encode()).toList();

    /** 150 tries of 1,000 seeded inputs: 150,000 cases. */
    @Property(tries = 150)
    void decodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, CORPUS, input -> canonical(IlpCodec.decode(input), input));
    }

    /** 100,000 cases. */
    @Property(tries = 100)
    void decodePrepareOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, CORPUS, input -> canonical(IlpCodec.decodePrepare(input), input));
    }

    /** 100,000 cases. */
    @Property(tries = 100)
    void decodeReplyOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, CORPUS, input -> canonical(IlpCodec.decodeReply(input), input));
    }

    /** 50,000 cases. The two amounts are read and any bytes after them ignored, so most inputs decode. */
    @Property(tries = 50)
    void amountTooLargeDataDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, F08_CORPUS, AmountTooLargeData::decode);
    }

    private static Object canonical(InterledgerPacket packet, byte[] input) {
        assertThat(IlpCodec.encode(packet)).as("re-encoding of an accepted packet").isEqualTo(input);
        return packet;
    }

    private static List<byte[]> corpus() {
        List<byte[]> corpus = new ArrayList<>(CodecArbitraries.packets().sampleStream().limit(300)
                .map(IlpCodec::encode).toList());
        Vectors.list(Vectors.load("ilp-packets.json").get("cases"))
                .forEach(v -> corpus.add(Vectors.hex(v.get("hex").asText())));
        return List.copyOf(corpus);
    }
}
