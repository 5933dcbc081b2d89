package org.kiungo.codec.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;

class StreamPacketTest {
    private static final JsonNode RFC_VECTORS = Vectors.load("stream-packets.json");
    private static final JsonNode EXTRA_VECTORS = Vectors.load("stream-packets-extra.json");
    /** Version 1, Prepare, sequence 0, amount 0: the head of a packet whose frames a test appends. */
    private static final String HEAD = "010c01000100";

    @TestFactory
    Stream<DynamicTest> shouldDecodeAndEncodeEveryRfcVector() {
        List<JsonNode> vectors = Vectors.list(RFC_VECTORS);
        assertThat(vectors).hasSize(53);
        return vectors.stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            byte[] buffer = Base64.getDecoder().decode(v.get("buffer").asText());
            StreamPacket expected = StreamVectorFrames.packet(v.get("packet"));
            assertThat(StreamPacket.decode(buffer)).isEqualTo(expected);
            if (!v.path("decode_only").asBoolean(false)) {
                assertThat(expected.encode()).isEqualTo(buffer);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldHandleEveryExtraVector() {
        return Vectors.list(EXTRA_VECTORS.get("cases")).stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v),
                () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    if (!v.get("valid").asBoolean()) {
                        assertThatThrownBy(() -> StreamPacket.decode(bytes)).isInstanceOf(DecodingException.class);
                        return;
                    }
                    StreamPacket expected = StreamVectorFrames.packet(v.get("packet"));
                    StreamPacket decoded = StreamPacket.decode(bytes);
                    assertThat(decoded).isEqualTo(expected);
                    boolean hasUnknownFrames = v.get("packet").get("frames").findValues("contents_hex").size() > 0;
                    if (v.has("reencoded_hex")) {
                        assertThat(hex(decoded.encode())).isEqualTo(v.get("reencoded_hex").asText());
                    } else if (v.get("roundtrip").asBoolean() && !hasUnknownFrames) {
                        assertThat(decoded.encode()).isEqualTo(bytes);
                    }
                    // Skipped unknown frames do not come back, but what is left must survive a round trip.
                    assertThat(StreamPacket.decode(decoded.encode())).isEqualTo(decoded);
                }));
    }

    @TestFactory
    Stream<DynamicTest> shouldSaturateOverlongMaximaInFrameContents() {
        return Vectors.list(EXTRA_VECTORS.get("frame_contents_cases")).stream().map(v -> DynamicTest.dynamicTest(
                Vectors.name(v), () -> {
                    String contents = v.get("contents_hex").asText();
                    StreamPacket packet = StreamPacket.decode(hex(HEAD + "0101" + frame(v.get("frame_type").asInt(),
                            contents)));
                    JsonNode d = v.get("decoded");
                    StreamFrame expected = v.get("frame_type").asInt() == StreamFrame.STREAM_MAX_MONEY
                            ? new StreamFrame.StreamMaxMoney(StreamVectorFrames.u64(d, "streamId"),
                                    StreamVectorFrames.u64(d, "receiveMax"), StreamVectorFrames.u64(d, "totalReceived"))
                            : new StreamFrame.StreamMoneyBlocked(StreamVectorFrames.u64(d, "streamId"),
                                    StreamVectorFrames.u64(d, "sendMax"), StreamVectorFrames.u64(d, "totalSent"));
                    assertThat(packet.frames()).containsExactly(expected);
                }));
    }

    @Test
    void shouldSkipUnknownFramesBetweenKnownOnes() throws DecodingException {
        String bytes = HEAD + "0103" + frame(0x7f, "abcdef") + frame(StreamFrame.STREAM_MONEY, "01050101")
                + frame(0x18, "");
        assertThat(StreamPacket.decode(hex(bytes)).frames()).containsExactly(new StreamFrame.StreamMoney(5, 1));
    }

    @Test
    void shouldIgnoreJunkDataAfterTheFrames() throws DecodingException {
        String bytes = HEAD + "0101" + frame(StreamFrame.STREAM_MONEY, "01050101") + "000000ffff";
        assertThat(StreamPacket.decode(hex(bytes)).frames()).containsExactly(new StreamFrame.StreamMoney(5, 1));
    }

    @Test
    void shouldIgnoreBytesAfterTheFieldsOfAKnownFrame() throws DecodingException {
        String bytes = HEAD + "0101" + frame(StreamFrame.CONNECTION_MAX_DATA, "0107aabb");
        assertThat(StreamPacket.decode(hex(bytes)).frames()).containsExactly(new StreamFrame.ConnectionMaxData(7));
    }

    @Test
    void shouldRejectAKnownFrameWhoseFieldsOverrunItsContents() {
        assertRejected(HEAD + "0101" + frame(StreamFrame.STREAM_MONEY, "0105"));
    }

    @Test
    void shouldRejectOverlongVarUIntsOutsideTheTwoSaturatingMaxima() {
        String nineBytes = "09010000000000000000";
        assertRejected(HEAD + "0101" + frame(StreamFrame.STREAM_MAX_MONEY, "0101" + "0101" + nineBytes));
        assertRejected(HEAD + "0101" + frame(StreamFrame.STREAM_MONEY_BLOCKED, nineBytes + "0101" + "0101"));
        assertRejected("010c" + nineBytes + "0100" + "0100");
    }

    @Test
    void shouldRejectAZeroLengthVarUInt() {
        assertRejected("010c00" + "0100" + "0100");
    }

    @Test
    void shouldRejectMoreFramesThanTheBytesCouldHold() {
        assertRejected(HEAD + "0103" + frame(StreamFrame.STREAM_MONEY, "01050101"));
        assertRejected(HEAD + "08ffffffffffffffff");
    }

    @Test
    void shouldRejectAnUnknownVersionOrIlpPacketType() {
        assertRejected("020c01000100" + "0100");
        assertRejected("010f01000100" + "0100");
        assertRejected("");
        assertRejected("01");
    }

    @Test
    void shouldRejectInvalidUtf8InAnErrorMessage() {
        assertRejected(HEAD + "0101" + frame(StreamFrame.CONNECTION_CLOSE, "0102c328"));
    }

    @Test
    void shouldRejectNonAsciiSourceAccounts() {
        assertRejected(HEAD + "0101" + frame(StreamFrame.CONNECTION_NEW_ADDRESS, "02c3a9"));
    }

    @Test
    void shouldRejectPacketsLargerThanAnIlpDataFieldAllows() {
        byte[] big = new byte[StreamPacket.ENCODED_BYTES_MAX + 1];
        System.arraycopy(hex(HEAD + "0100"), 0, big, 0, 8);
        assertThatThrownBy(() -> StreamPacket.decode(big)).isInstanceOf(DecodingException.class);
        assertThat(catchDecode(Arrays.copyOf(big, StreamPacket.ENCODED_BYTES_MAX))).isNull();
    }

    @Test
    void shouldKeepUnknownErrorCodes() throws DecodingException {
        StreamPacket packet = StreamPacket.decode(hex(HEAD + "0101" + frame(StreamFrame.CONNECTION_CLOSE, "5900")));
        StreamErrorCode code = ((StreamFrame.ConnectionClose) packet.frames().get(0)).errorCode();
        assertThat(code.code()).isEqualTo(0x59);
        assertThat(code.isKnown()).isFalse();
        assertThat(code.name()).isEqualTo("Unknown(89)");
        assertThat(StreamErrorCode.PROTOCOL_VIOLATION.name()).isEqualTo("ProtocolViolation");
        assertThat(new StreamErrorCode(1)).isEqualTo(StreamErrorCode.NO_ERROR);
    }

    @Test
    void shouldPrintLengthsRatherThanDataAndUnsignedNumbers() {
        StreamPacket packet = new StreamPacket(StreamPacket.FULFILL, -1, 5, List.of(
                new StreamFrame.StreamData(1, 0, "secret-data".getBytes(StandardCharsets.UTF_8)),
                new StreamFrame.StreamReceipt(1, new byte[58])));
        assertThat(packet.toString()).contains("18446744073709551615").contains("11 bytes").contains("58 bytes")
                .doesNotContain("secret-data");
    }

    @Test
    void shouldCompareByteArrayFramesByContent() {
        assertThat(new StreamFrame.StreamData(1, 2, new byte[] {1, 2})).isEqualTo(
                new StreamFrame.StreamData(1, 2, new byte[] {1, 2})).hasSameHashCodeAs(
                new StreamFrame.StreamData(1, 2, new byte[] {1, 2}));
        assertThat(new StreamFrame.StreamReceipt(1, new byte[] {1})).isNotEqualTo(
                new StreamFrame.StreamReceipt(1, new byte[] {2}));
    }

    @Test
    void shouldRefuseToBuildInvalidValues() {
        assertThatThrownBy(() -> new StreamPacket(99, 0, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamFrame.ConnectionAssetDetails("X", 256))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamFrame.ConnectionNewAddress("caf\u00e9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamErrorCode(256)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String frame(int type, String contentsHex) {
        return String.format("%02x%02x", type, contentsHex.length() / 2) + contentsHex;
    }

    private static void assertRejected(String hexBytes) {
        assertThatThrownBy(() -> StreamPacket.decode(hex(hexBytes))).isInstanceOf(DecodingException.class);
    }

    private static DecodingException catchDecode(byte[] bytes) {
        try {
            StreamPacket.decode(bytes);
            return null;
        } catch (DecodingException e) {
            return e;
        }
    }
}
