package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.peering.AutoPeeringHandler;

/**
 * A node with ENABLE_AUTO_PEERING=true, asked over real HTTP: bad requests get Rafiki's error JSON exactly, with
 * its HTTP status, and create nothing; a good one creates the peer with the configured credit line.
 */
class AutoPeeringServerTest {
    private static final String UNKNOWN_ASSET = "{\"error\":{\"code\":404,\"message\":\"Unknown asset\","
            + "\"type\":\"UnknownAsset\"}}";
    private static final String MISCONFIGURED = "{\"error\":{\"code\":400,\"message\":\"Requested peer's ILP "
            + "configuration is misconfigured\",\"type\":\"InvalidPeerIlpConfiguration\"}}";
    private static final String INVALID = "{\"error\":{\"code\":400,\"message\":\"Invalid peering request\","
            + "\"type\":\"InvalidPeeringRequest\"}}";

    @TempDir
    Path dataDir;
    private Node node;
    private final AdminClient client = new AdminClient();

    @BeforeEach
    void start() throws Exception {
        node = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "AUTO_PEERING_SERVER_PORT", "0", "ENABLE_AUTO_PEERING", "true",
                "ILP_ADDRESS", "test.acceptor", "AUTO_PEERING_DEFAULT_LIQUIDITY", "7000")));
        client.createAsset(node, "USD");
    }

    @AfterEach
    void stop() {
        node.close();
        client.close();
    }

    private static ObjectNode request() {
        ObjectNode request = AdminClient.JSON.createObjectNode()
                .put("ilpConnectorUrl", "http://127.0.0.1:4002").put("staticIlpAddress", "test.initiator")
                .put("httpToken", "initiator-token").put("maxPacketAmount", 1000).put("name", "Initiator");
        request.putObject("asset").put("code", "USD").put("scale", 2);
        return request;
    }

    private HttpResponse<byte[]> send(String body) throws Exception {
        return client.post(URI.create("http://127.0.0.1:" + node.autoPeeringPort().orElseThrow() + "/"),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertRefused(String body, int status, String json) throws Exception {
        HttpResponse<byte[]> response = send(body);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(body).isEqualTo(json);
    }

    @Test
    void shouldAnswerBadRequestsWithRafikisErrorsAndCreateNothing() throws Exception {
        ObjectNode unknownAsset = request();
        unknownAsset.putObject("asset").put("code", "EUR").put("scale", 2);
        assertRefused(unknownAsset.toString(), 404, UNKNOWN_ASSET);
        for (String field : new String[] {"ilpConnectorUrl", "staticIlpAddress", "httpToken", "asset"}) {
            ObjectNode missing = request();
            missing.remove(field);
            assertRefused(missing.toString(), 400, MISCONFIGURED);
        }
        assertRefused(request().put("staticIlpAddress", "test..bad").toString(), 400, MISCONFIGURED);
        assertRefused(request().put("ilpConnectorUrl", "mailto:ops@example.com").toString(), 400, MISCONFIGURED);
        assertRefused("{not json", 400, INVALID);
        assertRefused("x".repeat(AutoPeeringHandler.BODY_BYTES_MAX + 1), 400, INVALID);

        assertThat(client.peers(node)).isEmpty();
    }

    @Test
    void shouldCreateThePeerWithTheDefaultCreditLineAndAnswerWithOurDetails() throws Exception {
        HttpResponse<byte[]> response = send(request().toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = AdminClient.JSON.readTree(response.body());
        assertThat(answer.path("staticIlpAddress").asText()).isEqualTo("test.acceptor");
        assertThat(answer.path("ilpConnectorUrl").asText()).isEqualTo("http://127.0.0.1:" + node.connectorPort());
        assertThat(answer.path("ilpConnectorAddress").asText()).isEqualTo(answer.path("ilpConnectorUrl").asText());
        assertThat(answer.path("name").asText()).isEqualTo("Kiungo");
        assertThat(client.peers(node)).singleElement().satisfies(peer -> {
            assertThat(peer).containsEntry("staticIlpAddress", "test.initiator").containsEntry("liquidity", "7000")
                    .containsEntry("name", "Initiator").containsEntry("maxPacketAmount", "1000");
            assertThat(peer.get("http")).isEqualTo(Map.of("outgoing", Map.of("endpoint", "http://127.0.0.1:4002",
                    "authToken", answer.path("httpToken").asText())));
        });
    }

    @Test
    void shouldRefuseOtherMethods() throws Exception {
        HttpResponse<byte[]> response = client.get(URI.create("http://127.0.0.1:"
                + node.autoPeeringPort().orElseThrow() + "/"));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }
}
