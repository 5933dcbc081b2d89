package org.kiungo.bench;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decode and re-encode of the STREAM packet a sender puts in a typical payment Prepare (money on one stream and
 * the receive limits), in plaintext and through AES-256-GCM as it travels.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class StreamCodecBenchmark {
    private byte[] plaintext;
    private byte[] encrypted;
    private StreamKeys keys;

    @Setup
    public void setUp() {
        StreamPacket packet = new StreamPacket(StreamPacket.PREPARE, 42, 1_000, List.of(
                new StreamFrame.StreamMoney(1, 1),
                new StreamFrame.StreamMaxMoney(1, -1L, 41_000),
                new StreamFrame.ConnectionMaxStreamId(20)));
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(secret);
        keys = StreamKeys.fromSharedSecret(secret);
        plaintext = packet.encode();
        encrypted = keys.encrypt(plaintext);
    }

    @Benchmark
    public byte[] decodeAndEncode() throws DecodingException {
        return StreamPacket.decode(plaintext).encode();
    }

    @Benchmark
    public byte[] decryptDecodeEncodeEncrypt() throws DecodingException {
        return keys.encrypt(StreamPacket.decode(keys.decrypt(encrypted)).encode());
    }
}
