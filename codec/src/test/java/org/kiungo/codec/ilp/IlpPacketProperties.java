package org.kiungo.codec.ilp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kiungo.codec.CodecArbitraries;
import org.kiungo.codec.DecodingException;

class IlpPacketProperties {
    @Property(tries = 300)
    void shouldRoundTripPrepares(@ForAll("prepares") Prepare prepare) throws DecodingException {
        byte[] bytes = IlpCodec.encode(prepare);
        assertThat(IlpCodec.decodePrepare(bytes)).isEqualTo(prepare);
        assertThat(IlpCodec.decode(bytes)).isEqualTo(prepare);
    }

    @Property(tries = 300)
    void shouldRoundTripFulfills(@ForAll("fulfills") Fulfill fulfill) throws DecodingException {
        byte[] bytes = IlpCodec.encode(fulfill);
        assertThat(IlpCodec.decodeReply(bytes)).isEqualTo(fulfill);
        assertThat(IlpCodec.decode(bytes)).isEqualTo(fulfill);
    }

    @Property(tries = 300)
    void shouldRoundTripRejectsWithNonAsciiMessages(@ForAll("rejects") Reject reject) throws DecodingException {
        byte[] bytes = IlpCodec.encode(reject);
        assertThat(IlpCodec.decodeReply(bytes)).isEqualTo(reject);
        assertThat(IlpCodec.decode(bytes)).isEqualTo(reject);
    }

    @Property(tries = 100)
    void shouldCutAnOverlongRejectMessageOnACharacterBoundary(@ForAll("longMessages") String message)
            throws DecodingException {
        Reject reject = new Reject(ErrorCode.F99_APPLICATION_ERROR, "", message, new byte[0]);
        Reject decoded = (Reject) IlpCodec.decode(IlpCodec.encode(reject));
        assertThat(message).startsWith(decoded.message());
        int length = decoded.message().getBytes(StandardCharsets.UTF_8).length;
        assertThat(length).isLessThanOrEqualTo(Reject.MESSAGE_LENGTH_MAX).isGreaterThan(Reject.MESSAGE_LENGTH_MAX - 4);
    }

    @Property(tries = 1_000)
    void shouldRoundTripAmountTooLargeData(@ForAll long receivedAmount, @ForAll long maximumAmount)
            throws DecodingException {
        AmountTooLargeData data = new AmountTooLargeData(receivedAmount, maximumAmount);
        assertThat(data.encode()).hasSize(AmountTooLargeData.LENGTH);
        assertThat(AmountTooLargeData.decode(data.encode())).isEqualTo(data);
    }

    @Provide
    Arbitrary<Prepare> prepares() {
        return CodecArbitraries.prepares();
    }

    @Provide
    Arbitrary<Fulfill> fulfills() {
        return CodecArbitraries.fulfills();
    }

    @Provide
    Arbitrary<Reject> rejects() {
        return CodecArbitraries.rejects();
    }

    @Provide
    Arbitrary<String> longMessages() {
        return CodecArbitraries.unicode(6_000).filter(m -> m.getBytes(StandardCharsets.UTF_8).length
                > Reject.MESSAGE_LENGTH_MAX);
    }
}
