package org.kiungo.codec.ccp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.kiungo.codec.Fuzz;
import org.kiungo.codec.Vectors;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.oer.IlpTimestamp;

/**
 * Random and mutated input for the CCP decoders. The data decoders get most of the cases: a mutated whole packet
 * mostly breaks the ILP envelope and never reaches the CCP layout. Accepted data must re-encode to itself.
 */
class CcpFuzzProperties {
    static final int BATCH = 1_000;
    /** Before every generated expiry, so the clock never hides what the decoder does with the data. */
    private static final Clock DAWN = Clock.fixed(IlpTimestamp.MIN, ZoneOffset.UTC);
    private static final List<byte[]> CONTROL_DATA = corpus(CcpArbitraries.controlRequests(),
            RouteControlRequest::encodeData, "route_control_request");
    private static final List<byte[]> UPDATE_DATA = corpus(CcpArbitraries.updateRequests(),
            RouteUpdateRequest::encodeData, "route_update_request");
    private static final List<byte[]> CONTROL_PACKETS = packets("route_control_request",
            CcpArbitraries.controlRequests().map(r -> r.toPrepare(IlpTimestamp.MAX)));
    private static final List<byte[]> UPDATE_PACKETS = packets("route_update_request",
            CcpArbitraries.updateRequests().map(r -> r.toPrepare(IlpTimestamp.MAX)));

    /** 100,000 cases. */
    @Property(tries = 100)
    void routeControlDataDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, CONTROL_DATA, input -> {
            RouteControlRequest request = RouteControlRequest.decodeData(input);
            assertThat(request.encodeData()).isEqualTo(input);
            return request;
        });
    }

    /** 150,000 cases. */
    @Property(tries = 150)
    void routeUpdateDataDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, UPDATE_DATA, input -> {
            RouteUpdateRequest request = RouteUpdateRequest.decodeData(input);
            assertThat(request.encodeData()).isEqualTo(input);
            return request;
        });
    }

    /** 50,000 cases. */
    @Property(tries = 50)
    void routeControlPacketDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, CONTROL_PACKETS, input -> RouteControlRequest.decode(input, DAWN));
    }

    /** 50,000 cases. */
    @Property(tries = 50)
    void routeUpdatePacketDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, UPDATE_PACKETS, input -> RouteUpdateRequest.decode(input, DAWN));
    }

    private static <T> List<byte[]> corpus(Arbitrary<T> messages, Function<T, byte[]> encode, String kind) {
        List<byte[]> corpus = new ArrayList<>(messages.sampleStream().limit(200).map(encode).toList());
        Vectors.list(Vectors.load("ccp.json").get("payloads")).stream()
                .filter(v -> v.get("kind").asText().equals(kind))
                .forEach(v -> corpus.add(Vectors.hex(v.get("hex").asText())));
        return List.copyOf(corpus);
    }

    /** Generated Prepares of one kind, plus the vector packets of that kind (valid or not). */
    private static List<byte[]> packets(String kind, Arbitrary<Prepare> prepares) {
        List<byte[]> packets = new ArrayList<>(prepares.sampleStream().limit(200).map(IlpCodec::encode).toList());
        Vectors.list(Vectors.load("ccp.json").get("packets")).stream()
                .filter(v -> v.get("kind").asText().equals(kind))
                .forEach(v -> packets.add(Vectors.hex(v.get("hex").asText())));
        return List.copyOf(packets);
    }
}
