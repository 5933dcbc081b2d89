package org.kiungo.codec.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;

class StreamReceiptTest {
    private static final JsonNode RECEIPTS = Vectors.load("stream-receipt.json");

    @TestFactory
    Stream<DynamicTest> shouldMatchEveryReceiptVector() {
        List<JsonNode> cases = Vectors.list(RECEIPTS.get("cases"));
        assertThat(cases).hasSize(7);
        return cases.stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            if (v.get("valid").asBoolean()) {
                checkValid(v);
                return;
            }
            switch (v.get("op").asText()) {
                case "create" -> {
                    JsonNode in = v.get("inputs");
                    // The source passes the stream id "id"; lengths are checked first, so any id shows the failure.
                    assertThatThrownBy(() -> StreamReceipt.create(hex(in.get("secret_hex").asText()),
                            hex(in.get("nonce_hex").asText()), 1, 1)).isInstanceOf(IllegalArgumentException.class);
                }
                case "decode" -> assertThatThrownBy(() -> StreamReceipt.decode(hex(v.get("receipt_hex").asText())))
                        .isInstanceOf(DecodingException.class);
                case "verify" -> assertThat(decodesAndVerifies(v)).isFalse();
                default -> throw new AssertionError(v.get("op").asText());
            }
        }));
    }

    @Test
    void shouldMatchTheReceiptInsideTheRfcStreamReceiptFrame() throws DecodingException {
        JsonNode valid = RECEIPTS.get("cases").get(0);
        JsonNode frameVector = Vectors.list(Vectors.load("stream-packets.json")).stream()
                .filter(v -> Vectors.name(v).equals("frame:stream_receipt")).findFirst().orElseThrow();
        StreamPacket packet = StreamPacket.decode(Base64.getDecoder().decode(frameVector.get("buffer").asText()));
        byte[] receipt = ((StreamFrame.StreamReceipt) packet.frames().get(0)).receipt();
        assertThat(hex(receipt)).isEqualTo(valid.get("receipt_hex").asText());
    }

    @Test
    void shouldRejectAStreamIdThatDoesNotFitOneByte() {
        assertThatThrownBy(() -> StreamReceipt.create(new byte[32], new byte[16], 256, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamReceipt.create(new byte[32], new byte[16], -1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotBeChangedByItsCallersArrays() {
        byte[] nonce = new byte[16];
        StreamReceipt receipt = StreamReceipt.create(new byte[32], nonce, 1, 1);
        nonce[0] = 1;
        assertThat(receipt.verify(new byte[32])).isTrue();
        assertThat(receipt.nonce()[0]).isZero();
    }

    @Test
    void shouldPrintNoBytes() {
        StreamReceipt receipt = StreamReceipt.create(new byte[32], new byte[16], 3, -1);
        assertThat(receipt.toString()).isEqualTo(
                "StreamReceipt[streamId=3, totalReceived=18446744073709551615, nonce=16 bytes, hmac=32 bytes]");
    }

    private static void checkValid(JsonNode v) throws DecodingException {
        JsonNode in = v.get("inputs");
        byte[] secret = hex(in.get("secret_hex").asText());
        int streamId = Integer.parseInt(in.get("streamId").asText());
        long totalReceived = Long.parseUnsignedLong(in.get("totalReceived").asText());
        byte[] nonce = hex(in.get("nonce_hex").asText());
        StreamReceipt created = StreamReceipt.create(secret, nonce, streamId, totalReceived);
        byte[] bytes = hex(v.get("receipt_hex").asText());
        assertThat(created.encode()).isEqualTo(bytes);
        assertThat(Base64.getDecoder().decode(v.get("receipt_base64").asText())).isEqualTo(bytes);
        StreamReceipt decoded = StreamReceipt.decode(bytes);
        assertThat(decoded).isEqualTo(created);
        JsonNode d = v.get("decoded");
        assertThat(hex(decoded.nonce())).isEqualTo(d.get("nonce_hex").asText());
        assertThat(decoded.streamId()).isEqualTo(Integer.parseInt(d.get("streamId").asText()));
        assertThat(Long.toUnsignedString(decoded.totalReceived())).isEqualTo(d.get("totalReceived").asText());
        assertThat(hex(decoded.hmac())).isEqualTo(d.get("hmac_hex").asText());
        assertThat(decoded.verify(secret)).isTrue();
    }

    /** RFC 39 verification: the bytes must decode and the HMAC must match. */
    private static boolean decodesAndVerifies(JsonNode v) {
        try {
            return StreamReceipt.decode(hex(v.get("receipt_hex").asText())).verify(hex(v.get("secret_hex").asText()));
        } catch (DecodingException e) {
            return false;
        }
    }
}
