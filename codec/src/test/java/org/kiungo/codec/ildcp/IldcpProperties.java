package org.kiungo.codec.ildcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.IlpTimestamp;

class IldcpProperties {
    private static final Clock DAWN = Clock.fixed(IlpTimestamp.MIN, ZoneOffset.UTC);

    @Property(tries = 300)
    void shouldRoundTripRequests(@ForAll("instants") Instant expiresAt) throws DecodingException {
        IldcpRequest request = new IldcpRequest(expiresAt);
        assertThat(IldcpRequest.decode(request.encode(), DAWN)).isEqualTo(request);
        assertThat(IldcpRequest.fromPrepare(request.toPrepare(), Clock.fixed(expiresAt, ZoneOffset.UTC)))
                .isEqualTo(request);
    }

    @Property(tries = 300)
    void shouldRoundTripResponses(@ForAll("responses") IldcpResponse response) throws DecodingException {
        assertThat(IldcpResponse.decode(response.encode())).isEqualTo(response);
        assertThat(IldcpResponse.fromFulfill(response.toFulfill())).isEqualTo(response);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return CodecArbitraries.instants();
    }

    @Provide
    static Arbitrary<IldcpResponse> responses() {
        return Combinators.combine(CodecArbitraries.addresses(), Arbitraries.integers().between(0, 255),
                CodecArbitraries.unicode(12)).as(IldcpResponse::new);
    }
}
