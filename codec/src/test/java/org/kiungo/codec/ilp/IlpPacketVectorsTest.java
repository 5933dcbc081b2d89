package org.kiungo.codec.ilp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;

class IlpPacketVectorsTest {
    private static final JsonNode VECTORS = Vectors.load("ilp-packets.json");

    /** Strict decoding: a case with {@code strict_valid} is judged by it, others by {@code valid}. */
    @TestFactory
    Stream<DynamicTest> shouldDecodeValidPacketsAndRejectInvalidOnes() {
        return Vectors.list(VECTORS.get("cases")).stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            byte[] bytes = hex(v.get("hex").asText());
            boolean valid = v.has("strict_valid") ? v.get("strict_valid").asBoolean() : v.get("valid").asBoolean();
            if (valid) {
                InterledgerPacket packet = decode(v, bytes);
                assertMatches(packet, v.get("json"));
                assertThat(IlpCodec.encode(packet)).isEqualTo(bytes);
            } else {
                assertThatThrownBy(() -> decode(v, bytes)).isInstanceOf(DecodingException.class);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldValidateAddressesAsRfc15Says() {
        JsonNode addresses = VECTORS.get("ilp_addresses");
        Stream<DynamicTest> valid = Vectors.list(addresses.get("valid")).stream().map(a -> DynamicTest.dynamicTest(
                "valid " + a.asText(), () -> assertThat(IlpAddress.of(a.asText()).value()).isEqualTo(a.asText())));
        Stream<DynamicTest> invalid = Vectors.list(addresses.get("invalid")).stream().map(a -> DynamicTest
                .dynamicTest("invalid '" + a.get("address").asText() + "' (" + a.get("why").asText() + ")",
                        () -> assertThat(IlpAddress.isValid(a.get("address").asText())).isFalse()));
        Stream<DynamicTest> lengths = Vectors.list(addresses.get("generated_length_cases")).stream().map(c -> {
            String prefix = c.get("prefix").asText();
            String address = prefix + c.get("pad_char").asText().repeat(c.get("total_length").asInt()
                    - prefix.length());
            return DynamicTest.dynamicTest("length " + address.length(), () ->
                    assertThat(IlpAddress.isValid(address)).isEqualTo(c.get("valid").asBoolean()));
        });
        return Stream.concat(Stream.concat(valid, invalid), lengths);
    }

    @Test
    void shouldRejectTheRawByteFormOfAnInvalidAddress() {
        byte[] prepare = IlpCodec.encode(new Prepare(1, Instant.parse("2030-01-01T00:00:00Z"), new byte[32],
                IlpAddress.of("test.alicx"), new byte[0]));
        prepare[prepare.length - 2] = (byte) 0xf0;
        assertThatThrownBy(() -> IlpCodec.decode(prepare)).isInstanceOf(DecodingException.class);
    }

    @TestFactory
    Stream<DynamicTest> shouldHonourObjectValidity() {
        return Vectors.list(VECTORS.get("object_validity").get("cases")).stream().map(c -> DynamicTest.dynamicTest(
                c.get("kind").asText() + " " + c.path("why").asText("valid"), () -> {
                    JsonNode f = c.get("fields");
                    Runnable build = switch (c.get("kind").asText()) {
                        case "prepare" -> () -> new Prepare(Long.parseUnsignedLong(f.get("amount").asText()),
                                "now".equals(f.get("expiresAt").asText()) ? Instant.now()
                                        : Instant.parse(f.get("expiresAt").asText()),
                                new byte[f.get("executionCondition_len").asInt()],
                                IlpAddress.of(f.get("destination").asText()), new byte[f.get("data_len").asInt()]);
                        case "fulfill" -> () -> new Fulfill(new byte[f.get("fulfillment_len").asInt()],
                                new byte[f.get("data_len").asInt()]);
                        default -> () -> new Reject(new ErrorCode(f.get("code").asText()),
                                f.get("triggeredBy").asText(), f.get("message").asText(),
                                new byte[f.get("data_len").asInt()]);
                    };
                    if (c.get("valid").asBoolean()) {
                        build.run();
                    } else {
                        assertThatThrownBy(build::run).isInstanceOf(RuntimeException.class);
                    }
                }));
    }

    private static InterledgerPacket decode(JsonNode v, byte[] bytes) throws DecodingException {
        return switch (v.path("parse_as").asText("")) {
            case "ilp_prepare" -> IlpCodec.decodePrepare(bytes);
            case "ilp_fulfill", "ilp_reject" -> IlpCodec.decodeReply(bytes);
            default -> IlpCodec.decode(bytes);
        };
    }

    private static void assertMatches(InterledgerPacket packet, JsonNode json) {
        Base64.Decoder b64 = Base64.getDecoder();
        assertThat(packet.data()).isEqualTo(b64.decode(json.get("data").asText()));
        switch (packet) {
            case Prepare p -> {
                assertThat(Long.toUnsignedString(p.amount())).isEqualTo(json.get("amount").asText());
                assertThat(p.expiresAt()).isEqualTo(Instant.parse(json.get("expiresAt").asText()));
                assertThat(p.executionCondition()).isEqualTo(b64.decode(json.get("executionCondition").asText()));
                assertThat(p.destination().value()).isEqualTo(json.get("destination").asText());
            }
            case Fulfill f -> assertThat(f.fulfillment()).isEqualTo(b64.decode(json.get("fulfillment").asText()));
            case Reject r -> {
                assertThat(r.code().code()).isEqualTo(json.get("code").asText());
                assertThat(r.triggeredBy()).isEqualTo(json.get("triggeredBy").asText());
                assertThat(r.message()).isEqualTo(json.get("message").asText());
            }
        }
    }
}
