package org.kiungo.codec.ildcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.Fuzz;
import org.kiungo.codec.Vectors;
import org.kiungo.codec.oer.IlpTimestamp;

/** Random and mutated input for the IL-DCP decoders: a value or a DecodingException, nothing else. */
class IldcpFuzzProperties {
    static final int BATCH = 1_000;
    private static final Clock DAWN = Clock.fixed(IlpTimestamp.MIN, ZoneOffset.UTC);
    private static final List<byte[]> REQUESTS = packets("request", CodecArbitraries.instants().sampleStream()
            .limit(200).map(i -> new IldcpRequest(i).encode()).toList());
    private static final List<byte[]> RESPONSES = packets("response", IldcpProperties.responses().sampleStream()
            .limit(200).map(IldcpResponse::encode).toList());
    private static final List<byte[]> RESPONSE_DATA = IldcpProperties.responses().sampleStream().limit(200)
            .map(IldcpResponse::encodeData).toList();

    /** 50,000 cases. */
    @Property(tries = 50)
    void requestDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, REQUESTS, input -> IldcpRequest.decode(input, DAWN));
    }

    /** 50,000 cases. */
    @Property(tries = 50)
    void responseDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, RESPONSES, IldcpResponse::decode);
    }

    /** 50,000 cases. Accepted data must re-encode to itself. */
    @Property(tries = 50)
    void responseDataDecodeOnlyEverThrowsDecodingException(@ForAll long seed) {
        Fuzz.runMixed(seed, BATCH, RESPONSE_DATA, input -> {
            IldcpResponse response = IldcpResponse.decodeData(input);
            assertThat(response.encodeData()).isEqualTo(input);
            return response;
        });
    }

    /** Generated packets of one kind, plus the vectors of that kind (valid or not). */
    private static List<byte[]> packets(String kind, List<byte[]> generated) {
        List<byte[]> packets = new ArrayList<>(generated);
        Vectors.list(Vectors.load("ildcp.json").get("cases")).stream()
                .filter(v -> v.get("kind").asText().equals(kind))
                .forEach(v -> packets.add(Vectors.hex(v.get("hex").asText())));
        return List.copyOf(packets);
    }
}
