package org.kiungo.codec.oer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Fuzz;

/**
 * Random and mutated input for the OER reader. An input's first byte picks a script of reads; the corpus holds
 * inputs whose remaining bytes are exactly what that script expects, so mutations reach every primitive.
 */
class OerReaderFuzzProperties {
    static final int TRIES = 100;
    static final int BATCH = 1_000;
    private static final int OPERATIONS = 12;
    private static final List<byte[]> CORPUS = IntStream.range(0, 512).mapToObj(OerReaderFuzzProperties::valid)
            .toList();

    /** 100 tries of 1,000 seeded inputs: 100,000 cases. */
    @Property(tries = TRIES)
    void readerPrimitivesOnlyEverThrowDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, CORPUS, OerReaderFuzzProperties::readScript);
    }

    @Property(tries = 20)
    void everyCorpusInputReadsToTheEnd(@ForAll long seed) throws DecodingException {
        byte[] input = CORPUS.get(new Random(seed).nextInt(CORPUS.size()));
        assertThat(readScript(input)).isEqualTo(input.length - 1);
    }

    /** Reads what the script named by the first byte asks for, then requires the end; returns bytes read. */
    private static Object readScript(byte[] input) throws DecodingException {
        if (input.length == 0) {
            throw new DecodingException("empty");
        }
        Random script = new Random(input[0]);
        OerReader in = new OerReader(input, 1, input.length - 1);
        int steps = 1 + script.nextInt(8);
        for (int i = 0; i < steps; i++) {
            read(in, script.nextInt(OPERATIONS));
        }
        in.requireEnd("script");
        return input.length - 1;
    }

    private static void read(OerReader in, int operation) throws DecodingException {
        switch (operation) {
            case 0 -> in.readUInt8();
            case 1 -> in.readUInt16();
            case 2 -> in.readUInt32();
            case 3 -> in.readUInt64();
            case 4 -> in.readLength();
            case 5 -> in.readVarUInt();
            case 6 -> in.readVarUIntSaturating();
            case 7 -> in.readVarOctetString("octets");
            case 8 -> in.readVarAscii("ascii");
            case 9 -> in.readVarUtf8("utf8");
            case 10 -> in.readTimestamp();
            default -> {
                OerReader inner = in.readVarOctetStringAsReader("nested");
                inner.readVarUInt();
                inner.requireEnd("nested");
            }
        }
    }

    private static byte[] valid(int index) {
        Random values = new Random(index);
        byte scriptSeed = (byte) index;
        Random script = new Random(scriptSeed);
        OerWriter out = new OerWriter().writeUInt8(scriptSeed & 0xff);
        int steps = 1 + script.nextInt(8);
        for (int i = 0; i < steps; i++) {
            write(out, script.nextInt(OPERATIONS), values);
        }
        return out.toByteArray();
    }

    private static void write(OerWriter out, int operation, Random values) {
        switch (operation) {
            case 0 -> out.writeUInt8(values.nextInt(256));
            case 1 -> out.writeUInt16(values.nextInt(65_536));
            case 2 -> out.writeUInt32(values.nextLong() >>> 32);
            case 3 -> out.writeUInt64(values.nextLong());
            case 4 -> out.writeLength((values.nextInt() >>> 1) >>> values.nextInt(31));
            case 5, 6 -> out.writeVarUInt(values.nextLong() >>> values.nextInt(64));
            case 7 -> out.writeVarOctetString(Fuzz.randomBytes(values));
            case 8 -> out.writeVarAscii("ascii text " + values.nextInt());
            case 9 -> out.writeVarOctetString("texte \u00e9\u4e2d\ud83d\ude00".getBytes(StandardCharsets.UTF_8));
            case 10 -> out.writeTimestamp(Instant.ofEpochMilli(values.nextLong(IlpTimestamp.MIN.toEpochMilli(),
                    IlpTimestamp.MAX.toEpochMilli())));
            default -> out.writeEnveloped(w -> w.writeVarUInt(values.nextLong()));
        }
    }
}
