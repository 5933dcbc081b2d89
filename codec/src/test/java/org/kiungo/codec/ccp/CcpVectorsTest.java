package org.kiungo.codec.ccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.codec.Vectors.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.Vectors;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;

class CcpVectorsTest {
    private static final JsonNode VECTORS = Vectors.load("ccp.json");
    /** The fake clock the vectors were made with (trap 5). */
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse(VECTORS.get("clock").get("now").asText()), ZoneOffset.UTC);
    private static final Instant DEFAULT_EXPIRY = CLOCK.instant().plusSeconds(60);

    @TestFactory
    Stream<DynamicTest> shouldDecodeAndReEncodeEveryPayload() {
        return Vectors.list(VECTORS.get("payloads")).stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            byte[] bytes = hex(v.get("hex").asText());
            JsonNode decoded = v.get("decoded");
            if (v.get("kind").asText().equals("route_control_request")) {
                RouteControlRequest request = RouteControlRequest.decodeData(bytes);
                assertThat(request).isEqualTo(control(decoded));
                assertThat(request.encodeData()).isEqualTo(bytes);
            } else {
                RouteUpdateRequest request = RouteUpdateRequest.decodeData(bytes);
                assertThat(request).isEqualTo(update(decoded));
                assertThat(request.encodeData()).isEqualTo(bytes);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldDecodeValidPacketsAndRejectInvalidOnes() {
        return Vectors.list(VECTORS.get("packets")).stream().map(v -> DynamicTest.dynamicTest(Vectors.name(v), () -> {
            byte[] bytes = hex(v.get("hex").asText());
            boolean valid = v.get("valid").asBoolean();
            switch (v.get("kind").asText()) {
                case "route_control_request" -> {
                    if (valid) {
                        RouteControlRequest request = RouteControlRequest.decode(bytes, CLOCK);
                        assertThat(request).isEqualTo(control(v.get("decoded")));
                        assertPrepare(request.toPrepare(DEFAULT_EXPIRY), v.get("ilp_prepare"), bytes);
                    } else {
                        assertThatThrownBy(() -> RouteControlRequest.decode(bytes, CLOCK))
                                .isInstanceOf(DecodingException.class);
                    }
                }
                case "route_update_request" -> {
                    if (valid) {
                        RouteUpdateRequest request = RouteUpdateRequest.decode(bytes, CLOCK);
                        assertThat(request).isEqualTo(update(v.get("decoded")));
                        assertPrepare(request.toPrepare(DEFAULT_EXPIRY), v.get("ilp_prepare"), bytes);
                    } else {
                        assertThatThrownBy(() -> RouteUpdateRequest.decode(bytes, CLOCK))
                                .isInstanceOf(DecodingException.class);
                    }
                }
                case "response" -> checkResponse(v, bytes, valid);
                default -> throw new AssertionError("unknown kind " + v.get("kind"));
            }
        }));
    }

    private static void checkResponse(JsonNode v, byte[] bytes, boolean valid) throws DecodingException {
        Fulfill fulfill = (Fulfill) IlpCodec.decode(bytes);
        if (!valid) {
            assertThatThrownBy(() -> Ccp.requireResponse(fulfill)).isInstanceOf(DecodingException.class);
            return;
        }
        Ccp.requireResponse(fulfill);
        if (v.has("ilp_fulfill")) {
            assertThat(IlpCodec.encode(Ccp.response())).isEqualTo(bytes);
        }
    }

    private static void assertPrepare(Prepare prepare, JsonNode json, byte[] bytes) {
        Base64.Decoder b64 = Base64.getDecoder();
        assertThat(Long.toUnsignedString(prepare.amount())).isEqualTo(json.get("amount").asText());
        assertThat(prepare.expiresAt()).isEqualTo(Instant.parse(json.get("expiresAt").asText()));
        assertThat(prepare.executionCondition()).isEqualTo(b64.decode(json.get("executionCondition").asText()));
        assertThat(prepare.destination().value()).isEqualTo(json.get("destination").asText());
        assertThat(prepare.data()).isEqualTo(b64.decode(json.get("data").asText()));
        assertThat(IlpCodec.encode(prepare)).isEqualTo(bytes);
    }

    private static RouteControlRequest control(JsonNode json) throws DecodingException {
        return new RouteControlRequest(CcpMode.fromCode(json.get("mode").asInt()),
                UUID.fromString(json.get("lastKnownRoutingTableId").asText()), json.get("lastKnownEpoch").asLong(),
                Vectors.list(json.get("features")).stream().map(JsonNode::asText).toList());
    }

    private static RouteUpdateRequest update(JsonNode json) {
        List<Route> routes = Vectors.list(json.get("newRoutes")).stream().map(CcpVectorsTest::route).toList();
        return new RouteUpdateRequest(UUID.fromString(json.get("routingTableId").asText()),
                json.get("currentEpochIndex").asLong(), json.get("fromEpochIndex").asLong(),
                json.get("toEpochIndex").asLong(), json.get("holdDownTime").asLong(),
                IlpAddress.of(json.get("speaker").asText()), routes, addresses(json.get("withdrawnRoutes")));
    }

    private static Route route(JsonNode json) {
        List<RouteProp> props = Vectors.list(json.get("props")).stream().map(p -> {
            boolean utf8 = p.get("isUtf8").asBoolean();
            String value = p.get("value").asText();
            return new RouteProp(p.get("isOptional").asBoolean(), p.get("isTransitive").asBoolean(),
                    p.get("isPartial").asBoolean(), utf8, p.get("id").asInt(),
                    utf8 ? value.getBytes(StandardCharsets.UTF_8) : hex(value));
        }).toList();
        return new Route(IlpAddress.of(json.get("prefix").asText()), addresses(json.get("path")),
                Base64.getDecoder().decode(json.get("auth").asText()), props);
    }

    private static List<IlpAddress> addresses(JsonNode array) {
        return Vectors.list(array).stream().map(a -> IlpAddress.of(a.asText())).toList();
    }
}
