package org.kiungo.bench;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and re-encode of an ILP Prepare, the codec work a connector does for every packet it forwards. The data
 * sizes are a bare probe (0), a typical STREAM payment packet (about 100 bytes) and a large one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class PrepareCodecBenchmark {
    @Param({"0", "100", "32767"})
    public int dataLength;

    private byte[] encoded;
    private Prepare prepare;

    @Setup
    public void setUp() {
        byte[] condition = new byte[32];
        byte[] data = new byte[dataLength];
        ThreadLocalRandom.current().nextBytes(condition);
        ThreadLocalRandom.current().nextBytes(data);
        prepare = new Prepare(123_456_789L, Instant.parse("2030-06-16T00:00:30.123Z"), condition,
                IlpAddress.of("g.kiungo.node-b.alice.7f3c2a0e-9b1d-4c55-8e2f-1a2b3c4d5e6f"), data);
        encoded = IlpCodec.encode(prepare);
    }

    @Benchmark
    public byte[] decodeAndEncode() throws DecodingException {
        return IlpCodec.encode(IlpCodec.decodePrepare(encoded));
    }

    @Benchmark
    public Prepare decode() throws DecodingException {
        return IlpCodec.decodePrepare(encoded);
    }

    @Benchmark
    public byte[] encode() {
        return IlpCodec.encode(prepare);
    }
}
