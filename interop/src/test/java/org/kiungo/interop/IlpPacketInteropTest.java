package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.interop.CrossCheck.bytes;
import static org.kiungo.interop.CrossCheck.hex;
import static org.kiungo.interop.JavaScriptCodec.JSON;
import static org.kiungo.interop.JavaScriptCodec.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.InterledgerPacket;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;

/** ILPv4 Prepare, Fulfill and Reject, encoded by one implementation and decoded by the other, both ways. */
class IlpPacketInteropTest extends JavaScriptInteropTest {
    private static final int CASES = 600;
    private static final String[] TYPE_NAMES = {"prepare", "fulfill", "reject"};

    @Test
    void shouldLetJavaScriptDecodeEveryPacketJavaEncodes() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("ilp java to js"), CASES, IlpPacketInteropTest::packet,
                packet -> request("ilp.decode").put("hex", hex(IlpCodec.encode(packet))),
                IlpPacketInteropTest::decodedFields);
    }

    @Test
    void shouldDecodeEveryPacketJavaScriptEncodesToTheSameBytesJavaWrites() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("ilp js to java"), CASES, IlpPacketInteropTest::packet,
                packet -> request("ilp.encode").set("packet", typedFields(packet)), (packet, answer) -> {
                    assertThat(IlpCodec.decode(bytes(answer))).isEqualTo(packet);
                    assertThat(answer.asText()).isEqualTo(hex(IlpCodec.encode(packet)));
                });
    }

    @Test
    void shouldAgreeThatAnEmptyTriggeredByIsAllowed() throws DecodingException {
        Reject reject = new Reject(ErrorCode.T00_INTERNAL_ERROR, "", "ünïcödé 💸", new byte[0]);
        byte[] fromJavaScript = bytes(js.call(request("ilp.encode").set("packet", typedFields(reject))));

        assertThat(IlpCodec.decode(fromJavaScript)).isEqualTo(reject);
        assertThat(js.call(request("ilp.decode").put("hex", hex(IlpCodec.encode(reject)))).path("data")
                .path("triggeredBy").asText()).isEmpty();
    }

    /** Known difference: our decoder is strict (a byte left over is an error); ilp-packet ignores it. */
    @Test
    void shouldRejectTrailingBytesThatJavaScriptIgnores() {
        byte[] fulfill = IlpCodec.encode(new Fulfill(new byte[32], new byte[] {1, 2}));
        byte[] afterEnvelope = Arrays.copyOf(fulfill, fulfill.length + 1);
        byte[] insideEnvelope = Arrays.copyOf(fulfill, fulfill.length + 1);
        insideEnvelope[1]++;

        for (byte[] bytes : new byte[][] {afterEnvelope, insideEnvelope}) {
            assertThatThrownBy(() -> IlpCodec.decode(bytes)).isInstanceOf(DecodingException.class);
            assertThat(js.error(request("ilp.decode").put("hex", hex(bytes)))).isEmpty();
        }
    }

    /**
     * Known difference: a Reject message that is not UTF-8 fails our decoder, while ilp-packet replaces the bad
     * bytes with U+FFFD and carries on.
     */
    @Test
    void shouldRejectAMessageThatIsNotUtf8WhichJavaScriptRepairs() {
        byte[] reject = HexFormat.of().parseHex("0e09" + "463939" + "00" + "03" + "61ff62" + "00");

        assertThatThrownBy(() -> IlpCodec.decode(reject)).isInstanceOf(DecodingException.class);
        assertThat(js.call(request("ilp.decode").put("hex", hex(reject))).path("data").path("message").asText())
                .isEqualTo("a\ufffdb");
    }

    /**
     * Known difference: ilp-packet reads years below 100 as 19xx (Date.UTC's two-digit years) and writes years below
     * 1000 with too few digits, which corrupts the packet. We read and write every year from 0000 to 9999, so the
     * random instants of the cross-checks stay within 1000 to 9999.
     */
    @Test
    void shouldKeepEarlyYearsThatJavaScriptMisreadsAndMiswrites() {
        Prepare early = new Prepare(1, Instant.parse("0050-06-01T00:00:00Z"), new byte[32], IlpAddress.of("g.a"),
                new byte[0]);
        assertThat(js.call(request("ilp.decode").put("hex", hex(IlpCodec.encode(early)))).path("data")
                .path("expiresAt").asText()).isEqualTo("1950-06-01T00:00:00.000Z");

        ObjectNode year999 = typedFields(early.withExpiresAt(Instant.parse("0999-06-01T00:00:00Z")));
        byte[] fromJavaScript = bytes(js.call(request("ilp.encode").set("packet", year999)));
        assertThatThrownBy(() -> IlpCodec.decode(fromJavaScript)).isInstanceOf(DecodingException.class);
    }

    private static InterledgerPacket packet(RandomValues random) {
        return switch (random.between(0, 2)) {
            case 0 -> new Prepare(random.uint64(), random.instant(), random.bytes(32), random.address(),
                    random.bytesUpTo(InterledgerPacket.DATA_LENGTH_MAX));
            case 1 -> new Fulfill(random.bytes(32), random.bytesUpTo(InterledgerPacket.DATA_LENGTH_MAX));
            default -> new Reject(new ErrorCode(random.chance(80) ? randomCode(random) : "Z9z"),
                    random.chance(20) ? "" : random.address().value(),
                    random.text(random.chance(5) ? Reject.MESSAGE_LENGTH_MAX / 4 : 40),
                    random.bytesUpTo(InterledgerPacket.DATA_LENGTH_MAX));
        };
    }

    private static String randomCode(RandomValues random) {
        return "FTR".charAt(random.between(0, 2)) + String.format("%02d", random.between(0, 99));
    }

    /** What ilp-packet's deserializeIlpPacket returns for the packet. */
    private static JsonNode decodedFields(InterledgerPacket packet) {
        int type = typeNumber(packet);
        return JSON.createObjectNode().put("type", type).put("typeString", "ilp_" + TYPE_NAMES[type - 12])
                .set("data", fields(packet));
    }

    /** What ilp-packet's serializers take, plus the type name the codec server dispatches on. */
    private static ObjectNode typedFields(InterledgerPacket packet) {
        return fields(packet).put("type", TYPE_NAMES[typeNumber(packet) - 12]);
    }

    private static int typeNumber(InterledgerPacket packet) {
        return switch (packet) {
            case Prepare p -> IlpCodec.TYPE_PREPARE;
            case Fulfill f -> IlpCodec.TYPE_FULFILL;
            case Reject r -> IlpCodec.TYPE_REJECT;
        };
    }

    private static ObjectNode fields(InterledgerPacket packet) {
        ObjectNode fields = JSON.createObjectNode();
        switch (packet) {
            case Prepare p -> fields.put("amount", Long.toUnsignedString(p.amount()))
                    .put("expiresAt", CrossCheck.iso(p.expiresAt()))
                    .put("executionCondition", hex(p.executionCondition()))
                    .put("destination", p.destination().value()).put("data", hex(p.data()));
            case Fulfill f -> fields.put("fulfillment", hex(f.fulfillment())).put("data", hex(f.data()));
            case Reject r -> fields.put("code", r.code().code()).put("triggeredBy", r.triggeredBy())
                    .put("message", r.message()).put("data", hex(r.data()));
        }
        return fields;
    }
}
