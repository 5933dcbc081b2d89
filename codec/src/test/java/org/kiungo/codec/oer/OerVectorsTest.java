package org.kiungo.codec.oer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;

class OerVectorsTest {
    private static final JsonNode OER = Vectors.load("oer.json");

    @TestFactory
    Stream<DynamicTest> fixedUnsignedIntegersDecodeAndEncode() {
        return Vectors.list(OER.get("fixed_unsigned_integers")).stream().map(v -> DynamicTest.dynamicTest(
                v.get("type").asText() + " " + v.get("hex").asText(), () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    if (!v.has("value")) {
                        // UInt256 and UInt512 are plain octets: read as such.
                        assertThat(new OerReader(bytes).readOctets(bytes.length, "octets")).isEqualTo(bytes);
                        return;
                    }
                    long expected = new BigInteger(v.get("value").asText()).longValue();
                    OerReader reader = new OerReader(bytes);
                    long actual = switch (v.get("type").asText()) {
                        case "UInt8" -> reader.readUInt8();
                        case "UInt16" -> reader.readUInt16();
                        case "UInt32" -> reader.readUInt32();
                        case "UInt64" -> reader.readUInt64();
                        default -> throw new AssertionError(v.get("type").asText());
                    };
                    assertThat(actual).isEqualTo(expected);
                    OerWriter writer = new OerWriter();
                    switch (bytes.length) {
                        case 1 -> writer.writeUInt8((int) expected);
                        case 2 -> writer.writeUInt16((int) expected);
                        case 4 -> writer.writeUInt32(expected);
                        default -> writer.writeUInt64(expected);
                    }
                    assertThat(writer.toByteArray()).isEqualTo(bytes);
                }));
    }

    @TestFactory
    Stream<DynamicTest> lengthDeterminants() {
        return Vectors.list(OER.get("length_determinants").get("cases")).stream().map(v -> DynamicTest.dynamicTest(
                "length " + Vectors.name(v), () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    boolean valid = v.get("valid").asBoolean();
                    BigInteger value = v.has("value") ? new BigInteger(v.get("value").asText()) : null;
                    boolean fitsInt = value != null && value.bitLength() < 32;
                    if (valid && fitsInt) {
                        assertThat(new OerReader(bytes).readLength()).isEqualTo(value.intValueExact());
                        assertThat(new OerWriter().writeLength(value.intValueExact()).toByteArray()).isEqualTo(bytes);
                    } else {
                        // Implementation-limited lengths exceed a Java array: refused, never wrapped.
                        assertThatThrownBy(() -> new OerReader(bytes).readLength())
                                .isInstanceOf(DecodingException.class);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> varUInts() {
        return Vectors.list(OER.get("var_uint").get("cases")).stream().map(v -> DynamicTest.dynamicTest(
                "VarUInt " + v.get("hex").asText(), () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    if (v.get("valid").isBoolean() && v.get("valid").asBoolean()) {
                        long value = Long.parseUnsignedLong(v.get("value").asText());
                        assertThat(new OerReader(bytes).readVarUInt()).isEqualTo(value);
                        assertThat(new OerWriter().writeVarUInt(value).toByteArray()).isEqualTo(bytes);
                    } else {
                        assertThatThrownBy(() -> new OerReader(bytes).readVarUInt())
                                .isInstanceOf(DecodingException.class);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> varOctetStrings() {
        return Vectors.list(OER.get("var_octet_strings")).stream().filter(v -> v.has("hex")).map(v ->
                DynamicTest.dynamicTest("octets " + v.get("hex").asText().substring(0,
                        Math.min(16, v.get("hex").asText().length())), () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    OerReader reader = new OerReader(bytes);
                    if (v.get("valid").asBoolean()) {
                        byte[] content = reader.readVarOctetString("test");
                        assertThat(bytes.length - reader.remaining()).isEqualTo(v.get("consumed").asInt());
                        if (v.has("content_hex")) {
                            assertThat(hex(content)).isEqualTo(v.get("content_hex").asText());
                        }
                        if (v.path("encode").asBoolean()) {
                            assertThat(new OerWriter().writeVarOctetString(content).toByteArray()).isEqualTo(bytes);
                        }
                    } else {
                        assertThatThrownBy(() -> reader.readVarOctetString("test"))
                                .isInstanceOf(DecodingException.class);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> ilpTimestampsEncode() {
        DateTimeFormatter offsetForm = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");
        return Vectors.list(OER.get("ilp_timestamp_fixed17").get("encode")).stream()
                .filter(v -> !v.has("trap"))
                .map(v -> DynamicTest.dynamicTest("encode " + v.get("input_iso8601").asText(), () -> {
                    String input = v.get("input_iso8601").asText().replace(',', '.');
                    Instant instant = input.contains("T24:") ? Instant.parse(input.replace("T24:", "T00:"))
                            .plus(Duration.ofDays(1)) : input.endsWith("Z") ? Instant.parse(input)
                            : OffsetDateTime.parse(input, offsetForm).toInstant();
                    String encoded = new String(IlpTimestamp.encode(instant), StandardCharsets.US_ASCII);
                    assertThat(encoded).isEqualTo(v.get("encoded").asText());
                }));
    }

    @TestFactory
    Stream<DynamicTest> ilpTimestampsDecode() {
        JsonNode cases = OER.get("ilp_timestamp_fixed17");
        // The RFC's "23:59:60.852" for ...235959852 is an erratum; the vector gives the plain reading beside it.
        Stream<DynamicTest> valid = Vectors.list(cases.get("decode_valid")).stream()
                .map(v -> DynamicTest.dynamicTest("decode " + v.get("text").asText(), () -> assertThat(
                        new OerReader(hex(v.get("hex").asText())).readTimestamp())
                        .isEqualTo(Instant.parse(v.path("decoded_iso8601_plain")
                                .asText(v.get("decoded_iso8601").asText())))));
        Stream<DynamicTest> invalid = Vectors.list(cases.get("decode_invalid")).stream()
                .map(v -> DynamicTest.dynamicTest("reject " + v.get("text").asText(), () -> assertThatThrownBy(
                        () -> IlpTimestamp.decode(hex(v.get("hex").asText())))
                        .isInstanceOf(DecodingException.class)));
        return Stream.concat(valid, invalid);
    }

    @TestFactory
    Stream<DynamicTest> ilpAddressEncodings() {
        return Vectors.list(OER.get("ilp_address_encoding")).stream().map(v -> DynamicTest.dynamicTest(
                "address " + v.get("address").asText(), () -> {
                    byte[] bytes = hex(v.get("hex").asText());
                    assertThat(new OerReader(bytes).readVarAscii("address")).isEqualTo(v.get("address").asText());
                    assertThat(new OerWriter().writeVarAscii(v.get("address").asText()).toByteArray())
                            .isEqualTo(bytes);
                }));
    }

    /**
     * RFC 30 encodes the leap second 23:59:60.852 as ...235960852 yet lists that string as invalid. Instants have
     * no second 60 (java.time smears it into :59), so the encoder never writes one and the decoder refuses it.
     */
    @Test
    void shouldNeverWriteTheLeapSecondThatTheDecoderRefuses() {
        JsonNode leap = Vectors.list(OER.get("ilp_timestamp_fixed17").get("encode")).stream()
                .filter(v -> v.path("rfc_remark").asText().equals("leap second")).findFirst().orElseThrow();
        Instant smeared = Instant.parse(leap.get("input_iso8601").asText().replace('.', ':').replace(":852", ".852"));
        assertThat(new String(IlpTimestamp.encode(smeared), StandardCharsets.US_ASCII)).isEqualTo("20161231235959852");
        assertThatThrownBy(() -> IlpTimestamp.decode(hex(leap.get("hex").asText())))
                .isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldReadTheLongOctetStringGivenAsAPattern() throws DecodingException {
        JsonNode pattern = Vectors.list(OER.get("var_octet_strings")).stream().filter(v -> !v.has("hex"))
                .findFirst().orElseThrow();
        byte[] bytes = new byte[pattern.get("consumed").asInt()];
        bytes[0] = (byte) 0x82;
        bytes[1] = 0x16;
        bytes[2] = 0x2e;
        OerReader reader = new OerReader(bytes);
        assertThat(reader.readVarOctetString("test")).hasSize(5678).containsOnly(0);
        assertThat(reader.hasRemaining()).isFalse();
    }
}
