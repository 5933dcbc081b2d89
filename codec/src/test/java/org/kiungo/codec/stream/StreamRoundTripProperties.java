package org.kiungo.codec.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;

class StreamRoundTripProperties {
    private static final byte[] SECRET = new byte[32];
    private static final StreamKeys KEYS = StreamKeys.fromSharedSecret(SECRET);

    @Property(tries = 3_000)
    void shouldDecodeEveryEncodedPacketToItself(@ForAll("packets") StreamPacket packet) throws DecodingException {
        assertThat(StreamPacket.decode(packet.encode())).isEqualTo(packet);
    }

    @Property(tries = 1_000)
    void shouldIgnoreZeroPaddingAfterAnyPacket(@ForAll("packets") StreamPacket packet,
            @ForAll @IntRange(max = 64) int padding) throws DecodingException {
        byte[] encoded = packet.encode();
        assertThat(StreamPacket.decode(Arrays.copyOf(encoded, encoded.length + padding))).isEqualTo(packet);
    }

    @Property(tries = 2_000)
    void shouldDecryptWhatItEncrypts(@ForAll("packets") StreamPacket packet) throws DecodingException {
        byte[] encrypted = KEYS.encrypt(packet.encode());
        assertThat(StreamPacket.decode(KEYS.decrypt(encrypted))).isEqualTo(packet);
        assertThat(KEYS.condition(encrypted)).isEqualTo(StreamCrypto.sha256(KEYS.fulfillment(encrypted)));
    }

    @Property(tries = 2_000)
    void shouldDecodeAndVerifyEveryCreatedReceipt(@ForAll("secrets") byte[] secret, @ForAll("nonces") byte[] nonce,
            @ForAll @IntRange(max = 255) int streamId, @ForAll long totalReceived) throws DecodingException {
        StreamReceipt receipt = StreamReceipt.create(secret, nonce, streamId, totalReceived);
        StreamReceipt decoded = StreamReceipt.decode(receipt.encode());
        assertThat(decoded).isEqualTo(receipt);
        assertThat(decoded.verify(secret)).isTrue();
        byte[] other = secret.clone();
        other[0] ^= 1;
        assertThat(decoded.verify(other)).isFalse();
    }

    @Property(tries = 2_000)
    void shouldParseEveryWrittenSpspResponse(@ForAll("addresses") String address, @ForAll("secrets") byte[] secret,
            @ForAll boolean receipts) throws DecodingException {
        SpspResponse response = new SpspResponse(IlpAddress.of("test." + address), secret, receipts);
        assertThat(SpspResponse.parse(response.toJson())).isEqualTo(response);
    }

    @Provide
    Arbitrary<StreamPacket> packets() {
        return StreamArbitraries.packets();
    }

    @Provide
    Arbitrary<byte[]> secrets() {
        return StreamArbitraries.bytes(StreamReceipt.SECRET_LENGTH);
    }

    @Provide
    Arbitrary<byte[]> nonces() {
        return StreamArbitraries.bytes(StreamReceipt.NONCE_LENGTH);
    }

    @Provide
    Arbitrary<String> addresses() {
        return StreamArbitraries.addresses();
    }
}
