package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kiungo.interop.CrossCheck.bytes;
import static org.kiungo.interop.CrossCheck.hex;
import static org.kiungo.interop.JavaScriptCodec.JSON;
import static org.kiungo.interop.JavaScriptCodec.request;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ildcp.IldcpRequest;
import org.kiungo.codec.ildcp.IldcpResponse;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.PeerProtocol;

/** IL-DCP requests and responses against ilp-protocol-ildcp, both ways. */
class IldcpInteropTest extends JavaScriptInteropTest {
    private static final int CASES = 400;
    /** The reference decoder refuses an expired request by its own clock, so requests expire a while after now. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final long EXPIRY_MS_MIN = 10 * 60 * 1000;
    private static final long EXPIRY_MS_MAX = 400L * 24 * 3600 * 1000;

    @Test
    void shouldLetJavaScriptDecodeEveryRequestJavaEncodes() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("ildcp request java to js"), CASES,
                IldcpInteropTest::ildcpRequest, r -> request("ildcp.decodeRequest").put("hex", hex(r.encode())),
                r -> JSON.createObjectNode().put("expiresAt", CrossCheck.iso(r.expiresAt())).put("data", ""));
    }

    @Test
    void shouldDecodeEveryRequestJavaScriptEncodesToTheSameBytesJavaWrites() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("ildcp request js to java"), CASES,
                IldcpInteropTest::ildcpRequest,
                r -> request("ildcp.encodeRequest").put("expiresAt", CrossCheck.iso(r.expiresAt())),
                (r, answer) -> {
                    assertThat(IldcpRequest.decode(bytes(answer), Clock.fixed(NOW, ZoneOffset.UTC))).isEqualTo(r);
                    assertThat(answer.asText()).isEqualTo(hex(r.encode()));
                });
    }

    @Test
    void shouldLetJavaScriptDecodeEveryResponseJavaEncodes() {
        CrossCheck.javaToJavaScript(js, RandomValues.forTest("ildcp response java to js"), CASES,
                IldcpInteropTest::ildcpResponse, r -> request("ildcp.decodeResponse").put("hex", hex(r.encode())),
                IldcpInteropTest::fields);
    }

    @Test
    void shouldDecodeEveryResponseJavaScriptEncodesToTheSameBytesJavaWrites() {
        CrossCheck.javaScriptToJava(js, RandomValues.forTest("ildcp response js to java"), CASES,
                IldcpInteropTest::ildcpResponse, r -> request("ildcp.encodeResponse").set("response", fields(r)),
                (r, answer) -> {
                    assertThat(IldcpResponse.decode(bytes(answer))).isEqualTo(r);
                    assertThat(answer.asText()).isEqualTo(hex(r.encode()));
                });
    }

    /** Known difference: a byte after the asset code fails our decoder; ilp-protocol-ildcp ignores it. */
    @Test
    void shouldRejectTrailingResponseBytesThatJavaScriptIgnores() {
        byte[] data = new IldcpResponse(IlpAddress.of("test.child"), 9, "XRP").encodeData();
        byte[] response = IlpCodec.encode(PeerProtocol.response(Arrays.copyOf(data, data.length + 1)));

        assertThatThrownBy(() -> IldcpResponse.decode(response)).isInstanceOf(DecodingException.class);
        assertThat(js.call(request("ildcp.decodeResponse").put("hex", hex(response))).path("assetCode").asText())
                .isEqualTo("XRP");
    }

    private static IldcpRequest ildcpRequest(RandomValues random) {
        return new IldcpRequest(NOW.plusMillis(EXPIRY_MS_MIN + Math.floorMod(random.uint64(), EXPIRY_MS_MAX)));
    }

    private static IldcpResponse ildcpResponse(RandomValues random) {
        return new IldcpResponse(random.address(), random.between(0, IldcpResponse.ASSET_SCALE_MAX),
                random.text(random.chance(5) ? 2000 : 6));
    }

    private static ObjectNode fields(IldcpResponse response) {
        return JSON.createObjectNode().put("clientAddress", response.clientAddress().value())
                .put("assetScale", response.assetScale()).put("assetCode", response.assetCode());
    }
}
