package org.kiungo.codec.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * Fuzz targets: on any input each decoder returns a value or throws {@link DecodingException}; anything else (an
 * index error, an unchecked exception, a hang) fails the property. Tries add up to 265,000 cases
 * (roughly 15 s on two idle cores; the mutated packets take most of it).
 */
class StreamDecoderFuzzProperties {
    private static final StreamKeys KEYS = StreamKeys.fromSharedSecret(new byte[32]);
    private static final byte[] SECRET = new byte[32];
    private static final int RANDOM_BYTES_MAX = 96;
    /** Characters that make up JSON, so random text gets past the first character now and then. */
    private static final String JSON_ALPHABET = "{}[]\":, \\/u0123456789abcdef.eE+-_truefalsnl"
            + "destination_account shared_secret receipts_enabled";

    @Property(tries = 40_000)
    void shouldDecodeRandomBytesAsAPacketOrFailCleanly(@ForAll("randomBytes") byte[] bytes) {
        decodePacket(bytes);
    }

    @Property(tries = 60_000)
    void shouldDecodeMutatedPacketsOrFailCleanly(@ForAll("mutatedPackets") byte[] bytes) {
        decodePacket(bytes);
    }

    @Property(tries = 20_000)
    void shouldDecryptRandomBytesOrFailCleanly(@ForAll("randomBytes") byte[] bytes) {
        decrypt(bytes);
    }

    @Property(tries = 20_000)
    void shouldDecryptMutatedCiphertextsOrFailCleanly(@ForAll("mutatedCiphertexts") byte[] bytes) {
        decrypt(bytes);
    }

    @Property(tries = 15_000)
    void shouldDecodeRandomBytesAsAReceiptOrFailCleanly(@ForAll("randomBytes") byte[] bytes) {
        decodeReceipt(bytes);
    }

    @Property(tries = 30_000)
    void shouldDecodeMutatedReceiptsOrFailCleanly(@ForAll("mutatedReceipts") byte[] bytes) {
        decodeReceipt(bytes);
    }

    @Property(tries = 20_000)
    void shouldParseRandomTextAsSpspOrFailCleanly(@ForAll("jsonLikeText") String text) {
        parseSpsp(text);
    }

    @Property(tries = 60_000)
    void shouldParseMutatedSpspResponsesOrFailCleanly(@ForAll("mutatedSpsp") byte[] json) {
        parseSpsp(new String(json, StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(RANDOM_BYTES_MAX);
    }

    @Provide
    Arbitrary<byte[]> mutatedPackets() {
        return StreamArbitraries.mutated(StreamArbitraries.packets().map(StreamPacket::encode));
    }

    @Provide
    Arbitrary<byte[]> mutatedCiphertexts() {
        return StreamArbitraries.mutated(StreamArbitraries.packets().map(p -> KEYS.encrypt(p.encode())));
    }

    @Provide
    Arbitrary<byte[]> mutatedReceipts() {
        Arbitrary<byte[]> receipts = StreamArbitraries.bytes(StreamReceipt.NONCE_LENGTH).map(
                nonce -> StreamReceipt.create(SECRET, nonce, nonce[0] & 0xff, nonce.length).encode());
        return StreamArbitraries.mutated(receipts);
    }

    @Provide
    Arbitrary<String> jsonLikeText() {
        return Arbitraries.strings().withChars(JSON_ALPHABET).ofMaxLength(RANDOM_BYTES_MAX);
    }

    @Provide
    Arbitrary<byte[]> mutatedSpsp() {
        Arbitrary<byte[]> valid = Combinators.combine(StreamArbitraries.addresses(),
                StreamArbitraries.bytes(32), Arbitraries.of(true, false)).as((address, secret, receipts) ->
                new SpspResponse(IlpAddress.of("g." + address), secret, receipts).toJson()
                        .getBytes(StandardCharsets.ISO_8859_1));
        return StreamArbitraries.mutated(valid);
    }

    private static void decodePacket(byte[] bytes) {
        try {
            StreamPacket packet = StreamPacket.decode(bytes);
            // Whatever decodes must re-encode to something that decodes to the same packet.
            assertThat(StreamPacket.decode(packet.encode())).isEqualTo(packet);
        } catch (DecodingException expected) {
            // Refusing bad input is the other allowed outcome.
        }
    }

    private static void decrypt(byte[] bytes) {
        try {
            StreamPacket.decode(KEYS.decrypt(bytes));
        } catch (DecodingException expected) {
            // Refusing bad input is the other allowed outcome.
        }
    }

    private static void decodeReceipt(byte[] bytes) {
        try {
            StreamReceipt receipt = StreamReceipt.decode(bytes);
            assertThat(receipt.encode()).isEqualTo(bytes);
            receipt.verify(SECRET);
        } catch (DecodingException expected) {
            // Refusing bad input is the other allowed outcome.
        }
    }

    private static void parseSpsp(String text) {
        try {
            SpspResponse response = SpspResponse.parse(text);
            assertThat(SpspResponse.parse(response.toJson())).isEqualTo(response);
        } catch (DecodingException expected) {
            // Refusing bad input is the other allowed outcome.
        }
    }
}
