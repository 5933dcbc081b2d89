package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Fulfill;

/**
 * Nodes A and B peer by WebFinger (seed 003, Appendix A) over real HTTP: each serves its record on its connector
 * port, each operator calls {@code peerByWebFinger} with the other's origin, both derive the same peer ledger
 * prefix and auth token without sending them, and packets then go both ways.
 */
class WebFingerPeeringEndToEndTest {
    private static final String PEER_BY_WEBFINGER = "mutation($input: PeerByWebFingerInput!) { "
            + "peerByWebFinger(input: $input) { code success message peer { id name staticIlpAddress liquidity "
            + "routes http { outgoing { endpoint authToken } } } } }";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private PeeredNodes nodes;

    @BeforeEach
    void start() throws Exception {
        nodes = new PeeredNodes(dirA, dirB, Map.of(), Map.of());
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private static String origin(Node node) {
        return "http://127.0.0.1:" + node.connectorPort();
    }

    private HttpResponse<byte[]> webFinger(Node node, String resource) throws Exception {
        return nodes.client.get(URI.create(origin(node) + "/.well-known/webfinger?resource="
                + URLEncoder.encode(resource, StandardCharsets.UTF_8)));
    }

    private Map<String, Object> peerByWebFinger(Node node, String hostname, String assetId, long liquidity)
            throws Exception {
        return nodes.client.request(node, PEER_BY_WEBFINGER, Map.of("input", Map.of("hostname", hostname,
                "assetId", assetId, "initialLiquidity", Long.toString(liquidity))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> answer) {
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("peerByWebFinger");
    }

    @Test
    void shouldPublishTheSamePublicKeyAfterARestart(@TempDir Path dataDir) throws Exception {
        Map<String, String> environment = Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.c");
        String before;
        try (Node node = Node.start(Config.load(environment))) {
            before = publicKey(node);
        }
        try (Node node = Node.start(Config.load(environment))) {
            assertThat(publicKey(node)).isEqualTo(before).isNotEqualTo(publicKey(nodes.a));
        }
    }

    private String publicKey(Node node) throws Exception {
        HttpResponse<byte[]> response = webFinger(node, origin(node));
        assertThat(response.statusCode()).isEqualTo(200);
        return AdminClient.JSON.readTree(response.body()).path("properties")
                .path("https://interledger.org/rel/publicKey").asText();
    }

    @Test
    void shouldServeTheRecordInAppendixAsShape() throws Exception {
        HttpResponse<byte[]> response = webFinger(nodes.b, origin(nodes.b));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/jrd+json"));
        JsonNode record = AdminClient.JSON.readTree(response.body());
        assertThat(record.path("subject").asText()).isEqualTo(origin(nodes.b));
        JsonNode properties = record.path("properties");
        assertThat(properties.path("https://interledger.org/rel/protocolVersion").asText())
                .isEqualTo("Compatible: ILP-over-HTTP (RFC 35)");
        assertThat(properties.path("https://interledger.org/rel/publicKey").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(properties.path("urn:kiungo:rel:staticIlpAddress").asText()).isEqualTo("test.b");
        assertThat(record.path("links")).hasSize(1);
        assertThat(record.path("links").get(0).path("rel").asText())
                .isEqualTo("https://interledger.org/rel/peersRpcUri");
        assertThat(record.path("links").get(0).path("href").asText()).isEqualTo(origin(nodes.b));

        assertThat(webFinger(nodes.b, "https://elsewhere.example").statusCode()).isEqualTo(404);
        assertThat(nodes.client.get(URI.create(origin(nodes.b) + "/.well-known/webfinger")).statusCode())
                .isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldPeerBothNodesWithTheSameDerivedPrefixAndTokenAndCarryPacketsBothWays() throws Exception {
        Map<String, Object> atA = result(peerByWebFinger(nodes.a, origin(nodes.b), nodes.usdAtA, 500));
        Map<String, Object> atB = result(peerByWebFinger(nodes.b, origin(nodes.a), nodes.usdAtB, 300));

        assertThat(atA).containsEntry("success", true).containsEntry("message", "ILP peer created");
        Map<String, Object> bAtA = (Map<String, Object>) atA.get("peer");
        Map<String, Object> aAtB = (Map<String, Object>) atB.get("peer");
        assertThat((String) bAtA.get("staticIlpAddress")).matches("peer\\.[A-Za-z0-9_-]{5}\\.usd\\.2")
                .isEqualTo(aAtB.get("staticIlpAddress"));
        Map<String, Object> outgoingAtA = ((Map<String, Map<String, Object>>) bAtA.get("http")).get("outgoing");
        Map<String, Object> outgoingAtB = ((Map<String, Map<String, Object>>) aAtB.get("http")).get("outgoing");
        assertThat((String) outgoingAtA.get("authToken")).matches("[A-Za-z0-9_-]{43}")
                .isEqualTo(outgoingAtB.get("authToken"));
        assertThat(outgoingAtA).containsEntry("endpoint", origin(nodes.b));
        assertThat(bAtA).containsEntry("routes", List.of("test.b")).containsEntry("liquidity", "500")
                .containsEntry("name", "127.0.0.1:" + nodes.b.connectorPort());
        assertThat(aAtB).containsEntry("routes", List.of("test.a")).containsEntry("liquidity", "300");

        assertThat(nodes.send(nodes.a, "a-sender", "test.b.receiver", 100)).isInstanceOf(Fulfill.class);
        assertThat(nodes.send(nodes.b, "b-sender", "test.a.receiver", 40)).isInstanceOf(Fulfill.class);

        Map<String, Object> again = result(peerByWebFinger(nodes.a, origin(nodes.b), nodes.usdAtA, 500));
        assertThat(again).containsEntry("message", "ILP peer updated");
        assertThat(((Map<String, Object>) again.get("peer")).get("id")).isEqualTo(bAtA.get("id"));
        assertThat(((Map<String, Object>) again.get("peer")).get("liquidity")).isEqualTo("560");
        assertThat(nodes.client.peers(nodes.a)).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReportAnUnreachableHostAndCreateNothing() throws Exception {
        Map<String, Object> answer = peerByWebFinger(nodes.a, "http://127.0.0.1:1", nodes.usdAtA, 0);

        Map<String, Object> error = ((List<Map<String, Object>>) answer.get("errors")).get(0);
        assertThat(error.get("extensions")).isEqualTo(Map.of("code", "NOT_FOUND"));
        assertThat((String) error.get("message")).startsWith("the WebFinger record at http://127.0.0.1:1/"
                + ".well-known/webfinger?resource=http%3A%2F%2F127.0.0.1%3A1 could not be reached");
        assertThat(nodes.client.peers(nodes.a)).hasSize(2);
    }
}
