package org.kiungo.codec.ccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.oer.IlpTimestamp;

class CcpProperties {
    private static final Clock EPOCH = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    @Property(tries = 300)
    void shouldRoundTripRouteControlRequests(@ForAll("controlRequests") RouteControlRequest request)
            throws DecodingException {
        assertThat(RouteControlRequest.decodeData(request.encodeData())).isEqualTo(request);
        Prepare prepare = request.toPrepare(Instant.EPOCH);
        assertThat(RouteControlRequest.decode(IlpCodec.encode(prepare), EPOCH)).isEqualTo(request);
    }

    @Property(tries = 300)
    void shouldRoundTripRouteUpdateRequests(@ForAll("updateRequests") RouteUpdateRequest request)
            throws DecodingException {
        assertThat(RouteUpdateRequest.decodeData(request.encodeData())).isEqualTo(request);
        Prepare prepare = request.toPrepare(Instant.EPOCH);
        assertThat(RouteUpdateRequest.decode(IlpCodec.encode(prepare), EPOCH)).isEqualTo(request);
    }

    @Property(tries = 100)
    void shouldRejectRouteUpdateWithTruncatedData(@ForAll("updateRequests") RouteUpdateRequest request,
                                                  @ForAll("fractions") double cut) {
        byte[] data = request.encodeData();
        byte[] truncated = Arrays.copyOf(data, (int) (cut * data.length));
        assertThatThrownBy(() -> RouteUpdateRequest.decodeData(truncated)).isInstanceOf(DecodingException.class);
    }

    @Property(tries = 100)
    void shouldRejectRouteUpdatesThatExpiredBeforeNow(@ForAll("updateRequests") RouteUpdateRequest request,
                                                      @ForAll("instants") Instant expiresAt) {
        Prepare prepare = request.toPrepare(expiresAt);
        Clock justAfter = Clock.fixed(expiresAt.plusMillis(1), ZoneOffset.UTC);
        assertThatThrownBy(() -> RouteUpdateRequest.fromPrepare(prepare, justAfter))
                .isInstanceOf(DecodingException.class);
    }

    @Provide
    Arbitrary<RouteControlRequest> controlRequests() {
        return CcpArbitraries.controlRequests();
    }

    @Provide
    Arbitrary<RouteUpdateRequest> updateRequests() {
        return CcpArbitraries.updateRequests();
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return CodecArbitraries.instants().filter(i -> i.isBefore(IlpTimestamp.MAX));
    }
}
