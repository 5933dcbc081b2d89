package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.interop.CrossCheck.bytes;
import static org.kiungo.interop.CrossCheck.hex;
import static org.kiungo.interop.JavaScriptCodec.JSON;
import static org.kiungo.interop.JavaScriptCodec.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.stream.StreamFrame;
import org.kiungo.codec.stream.StreamKeys;
import org.kiungo.codec.stream.StreamPacket;

/**
 * STREAM packets with every frame type against ilp-protocol-stream's packet module, in plaintext and encrypted
 * under one shared secret, both ways; and the fulfillment and condition both derive for the same data.
 */
class StreamPacketInteropTest extends JavaScriptInteropTest {
    private static final int CASES = 600;
    private static final int ENCRYPTED_CASES = 300;
    /** Header (22 bytes at most) and one StreamData frame's type, length, id, offset and data length (25). */
    private static final int LARGEST_PACKET_OVERHEAD = 22 + 25;
    private static final int[] PACKET_TYPES = {StreamPacket.PREPARE, StreamPacket.FULFILL, StreamPacket.REJECT};

    @Test
    void shouldLetJavaScriptDecodeEveryStreamPacketJavaEncodes() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("stream java to js"), CASES,
                StreamPacketInteropTest::packet, p -> request("stream.decode").put("hex", hex(p.encode())),
                StreamFields::of);
    }

    @Test
    void shouldDecodeEveryStreamPacketJavaScriptEncodesToTheSameBytesJavaWrites() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("stream js to java"), CASES,
                StreamPacketInteropTest::packet, p -> request("stream.encode").set("packet", StreamFields.of(p)),
                (p, answer) -> {
                    assertThat(StreamPacket.decode(bytes(answer))).isEqualTo(p);
                    assertThat(answer.asText()).isEqualTo(hex(p.encode()));
                });
    }

    @Test
    void shouldLetJavaScriptDecryptEveryPacketJavaEncrypts() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("stream encrypt java to js"), ENCRYPTED_CASES,
                Secured::random, s -> request("stream.decrypt").put("secret", hex(s.secret))
                        .put("hex", hex(StreamKeys.fromSharedSecret(s.secret).encrypt(s.packet.encode()))),
                s -> StreamFields.of(s.packet));
    }

    @Test
    void shouldDecryptEveryPacketJavaScriptEncrypts() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("stream encrypt js to java"), ENCRYPTED_CASES,
                Secured::random, s -> request("stream.encrypt").put("secret", hex(s.secret))
                        .set("packet", StreamFields.of(s.packet)),
                (s, answer) -> assertThat(StreamPacket.decode(StreamKeys.fromSharedSecret(s.secret)
                        .decrypt(bytes(answer)))).isEqualTo(s.packet));
    }

    @Test
    void shouldDeriveTheSameFulfillmentAndConditionAsJavaScript() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("stream fulfillment"), ENCRYPTED_CASES,
                r -> new Secured(r.bytes(32), null, r.bytesUpTo(StreamKeys.ENCRYPTED_BYTES_MAX)),
                s -> request("stream.fulfillment").put("secret", hex(s.secret)).put("hex", hex(s.data)), s -> {
                    byte[] fulfillment = StreamKeys.fromSharedSecret(s.secret).fulfillment(s.data);
                    assertThat(StreamKeys.fromSharedSecret(s.secret).condition(s.data))
                            .isEqualTo(Conditions.of(fulfillment));
                    return JSON.createObjectNode().put("fulfillment", hex(fulfillment))
                            .put("condition", hex(Conditions.of(fulfillment)));
                });
    }

    /** Known difference: ilp-protocol-stream reads a VarUInt with a leading zero byte; our decoder refuses it. */
    @Test
    void shouldRefuseVarUIntsWithLeadingZerosThatJavaScriptAccepts() {
        // Version 1, Prepare, sequence 5 written as 00 05, amount 0, no frames.
        byte[] packet = HexFormat.of().parseHex("010c" + "020005" + "0100" + "0100");

        assertThatThrownBy(() -> StreamPacket.decode(packet)).isInstanceOf(DecodingException.class);
        assertThat(js.call(request("stream.decode").put("hex", hex(packet))).path("sequence").asText())
                .isEqualTo("5");
    }

    /** Both skip frames of unknown type, saturate a receive maximum above 2^64-1 and ignore junk after frames. */
    @Test
    void shouldAgreeOnWhatRfc29AsksReadersToTolerate() throws DecodingException {
        byte[] packet = HexFormat.of().parseHex("010d" + "0101" + "0100" + "0102"
                + "99" + "03" + "aabbcc"
                + "12" + "0e" + "0101" + "09" + "010000000000000000" + "0100"
                + "deadbeef");
        StreamPacket expected = new StreamPacket(StreamPacket.FULFILL, 1, 0,
                List.of(new StreamFrame.StreamMaxMoney(1, -1, 0)));

        assertThat(StreamPacket.decode(packet)).isEqualTo(expected);
        assertThat(js.call(request("stream.decode").put("hex", hex(packet))))
                .isEqualTo(JavaScriptCodec.canonical(StreamFields.of(expected)));
    }

    /** Known difference: ilp-protocol-stream writes and reads any UTF-8 source account; we require ASCII. */
    @Test
    void shouldRefuseANonAsciiSourceAccountThatJavaScriptAccepts() {
        ObjectNode fields = StreamFields.of(new StreamPacket(StreamPacket.PREPARE, 1, 0,
                List.of(new StreamFrame.ConnectionNewAddress("g.x"))));
        ((ObjectNode) fields.get("frames").get(0)).put("sourceAccount", "g.ä");

        byte[] fromJavaScript = bytes(js.call(request("stream.encode").set("packet", fields)));

        assertThatThrownBy(() -> StreamPacket.decode(fromJavaScript)).isInstanceOf(DecodingException.class);
        assertThat(js.call(request("stream.decode").put("hex", hex(fromJavaScript))).path("frames").path(0)
                .path("sourceAccount").asText()).isEqualTo("g.ä");
    }

    private static StreamPacket packet(RandomValues random) {
        if (random.chance(2)) {
            return largestPacket(random);
        }
        List<StreamFrame> frames = new ArrayList<>();
        for (int i = random.between(0, 8); i > 0; i--) {
            frames.add(StreamFields.randomFrame(random));
        }
        return new StreamPacket(PACKET_TYPES[random.between(0, 2)], random.uint64(), random.uint64(), frames);
    }

    /** One StreamData frame as large as it can be while the packet, whatever its numbers, still fits encrypted. */
    private static StreamPacket largestPacket(RandomValues random) {
        byte[] data = random.bytes(StreamPacket.ENCODED_BYTES_MAX - LARGEST_PACKET_OVERHEAD);
        return new StreamPacket(StreamPacket.PREPARE, random.uint64(), random.uint64(),
                List.of(new StreamFrame.StreamData(random.uint64(), random.uint64(), data)));
    }

    /** A packet and the shared secret it travels under; or, for the fulfillment check, some encrypted data. */
    private record Secured(byte[] secret, StreamPacket packet, byte[] data) {
        static Secured random(RandomValues random) {
            return new Secured(random.bytes(32), StreamPacketInteropTest.packet(random), null);
        }

        @Override
        public String toString() {
            return packet != null ? packet.toString() : data.length + " bytes of data";
        }
    }
}
