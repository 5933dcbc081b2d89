package org.kiungo.codec.ildcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.PeerProtocol;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;

class IldcpVectorsTest {
    private static final JsonNode VECTORS = Vectors.load("ildcp.json");
    /** The fake clock the vectors were made with (trap 5). */
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse(VECTORS.get("clock").get("now").asText()), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicTest> shouldDecodeValidPacketsAndRejectInvalidOnes() {
        return Vectors.list(VECTORS.get("cases")).stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            byte[] bytes = hex(v.get("hex").asText());
            switch (v.get("kind").asText()) {
                case "request" -> checkRequest(v, bytes);
                case "response" -> checkResponse(v, bytes);
                case "reject" -> checkReject(v, bytes);
                default -> throw new AssertionError("unknown kind " + v.get("kind"));
            }
        }));
    }

    @Test
    void shouldExpireTheDefaultRequestSixtySecondsAfterNow() {
        IldcpRequest request = IldcpRequest.expiringAfterDefault(CLOCK);
        assertThat(request.expiresAt()).isEqualTo(CLOCK.instant().plusSeconds(60));
        assertThat(request.encode()).isEqualTo(hex(VECTORS.get("cases").get(0).get("hex").asText()));
    }

    @Test
    void shouldAcceptARequestThatExpiresExactlyNow() throws DecodingException {
        Prepare prepare = new IldcpRequest(CLOCK.instant()).toPrepare();
        assertThat(IldcpRequest.fromPrepare(prepare, CLOCK).expiresAt()).isEqualTo(CLOCK.instant());
        Clock later = Clock.offset(CLOCK, Duration.ofMillis(1));
        assertThatThrownBy(() -> IldcpRequest.fromPrepare(prepare, later)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectAResponseWithTrailingBytes() {
        byte[] data = new IldcpResponse(IlpAddress.of("example.client"), 13, "XAM").encodeData();
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        assertThatThrownBy(() -> IldcpResponse.decodeData(longer)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldRejectAResponseWithAnInvalidClientAddress() {
        byte[] data = hex("0b6578616d706c652e2e61" + "0d" + "0358414d");
        assertThatThrownBy(() -> IldcpResponse.decodeData(data)).isInstanceOf(DecodingException.class);
    }

    @Test
    void shouldReportAnUnexpectedErrorWhenTheFailureHasNoMessage() {
        Reject reject = Ildcp.failure(IlpAddress.of("example.server"), null);
        assertThat(reject.message()).isEqualTo(Ildcp.UNEXPECTED_ERROR_MESSAGE);
    }

    private static void checkRequest(JsonNode v, byte[] bytes) throws DecodingException {
        if (!v.get("valid").asBoolean()) {
            assertThatThrownBy(() -> IldcpRequest.decode(bytes, CLOCK)).isInstanceOf(DecodingException.class);
            return;
        }
        IldcpRequest request = IldcpRequest.decode(bytes, CLOCK);
        JsonNode prepare = v.get("ilp_prepare");
        assertThat(request.expiresAt()).isEqualTo(Instant.parse(prepare.get("expiresAt").asText()));
        Prepare packet = request.toPrepare();
        assertThat(Long.toUnsignedString(packet.amount())).isEqualTo(prepare.get("amount").asText());
        assertThat(packet.destination().value()).isEqualTo(prepare.get("destination").asText());
        assertThat(packet.executionCondition())
                .isEqualTo(Base64.getDecoder().decode(prepare.get("executionCondition").asText()))
                .isEqualTo(PeerProtocol.condition());
        assertThat(packet.data()).isEmpty();
        assertThat(request.encode()).isEqualTo(bytes);
    }

    private static void checkResponse(JsonNode v, byte[] bytes) throws DecodingException {
        if (!v.get("valid").asBoolean()) {
            assertThatThrownBy(() -> IldcpResponse.decode(bytes)).isInstanceOf(DecodingException.class);
            return;
        }
        IldcpResponse response = IldcpResponse.decode(bytes);
        JsonNode decoded = v.get("decoded");
        assertThat(response).isEqualTo(new IldcpResponse(IlpAddress.of(decoded.get("clientAddress").asText()),
                decoded.get("assetScale").asInt(), decoded.get("assetCode").asText()));
        assertThat(response.encodeData()).isEqualTo(hex(v.get("data_hex").asText()));
        assertThat(response.encode()).isEqualTo(bytes);
    }

    private static void checkReject(JsonNode v, byte[] bytes) throws DecodingException {
        JsonNode json = v.get("ilp_reject");
        Reject expected = Ildcp.failure(IlpAddress.of(json.get("triggeredBy").asText()),
                json.get("message").asText());
        assertThat(expected.code().code()).isEqualTo(json.get("code").asText());
        assertThat(IlpCodec.decode(bytes)).isEqualTo(expected);
        assertThat(IlpCodec.encode(expected)).isEqualTo(bytes);
    }
}
