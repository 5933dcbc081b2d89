package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Fulfill;

/**
 * Node A peers with node B through {@code createOrUpdatePeerByUrl} on A's admin API and B's auto-peering server,
 * over real HTTP, and then packets go both ways; a repeated call updates both peers and rotates the tokens; an
 * unreachable URL, an asset B lacks and a misconfigured answer are GraphQL errors that leave no peer behind.
 */
class AutoPeeringEndToEndTest {
    private static final String PEER_BY_URL = "mutation($input: CreateOrUpdatePeerByUrlInput!) { "
            + "createOrUpdatePeerByUrl(input: $input) { code success message peer { id name staticIlpAddress "
            + "liquidity maxPacketAmount http { outgoing { endpoint authToken } } } } }";

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private PeeredNodes nodes;

    @BeforeEach
    void start() throws Exception {
        nodes = new PeeredNodes(dirA, dirB, Map.of(), Map.of("ENABLE_AUTO_PEERING", "true",
                "AUTO_PEERING_SERVER_PORT", "0", "AUTO_PEERING_DEFAULT_LIQUIDITY", "300"));
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    private String bUrl() {
        return "http://127.0.0.1:" + nodes.b.autoPeeringPort().orElseThrow() + "/";
    }

    private Map<String, Object> peerByUrl(String url, String assetId) throws Exception {
        Map<String, Object> input = new HashMap<>(Map.of("peerUrl", url, "assetId", assetId,
                "liquidityToDeposit", "500", "maxPacketAmount", "10000"));
        return nodes.client.request(nodes.a, PEER_BY_URL, Map.of("input", input));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> answer) {
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) ((Map<String, Object>) answer.get("data")).get("createOrUpdatePeerByUrl");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> answer) {
        return ((List<Map<String, Object>>) answer.get("errors")).get(0);
    }

    private Map<String, Object> peerAt(Node node, String address) throws Exception {
        return nodes.client.peers(node).stream().filter(p -> address.equals(p.get("staticIlpAddress")))
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAutoPeerTwoNodesAndCarryPacketsBothWays() throws Exception {
        Map<String, Object> created = result(peerByUrl(bUrl(), nodes.usdAtA));

        assertThat(created).containsEntry("code", "200").containsEntry("success", true)
                .containsEntry("message", "ILP peer created");
        Map<String, Object> bAtA = (Map<String, Object>) created.get("peer");
        assertThat(bAtA).containsEntry("staticIlpAddress", "test.b").containsEntry("name", "Node test.b")
                .containsEntry("liquidity", "500").containsEntry("maxPacketAmount", "10000");
        assertThat(((Map<String, Map<String, Object>>) bAtA.get("http")).get("outgoing"))
                .containsEntry("endpoint", "http://127.0.0.1:" + nodes.b.connectorPort());
        Map<String, Object> aAtB = peerAt(nodes.b, "test.a");
        assertThat(aAtB).containsEntry("name", "Node test.a").containsEntry("liquidity", "300")
                .containsEntry("maxPacketAmount", "10000");

        assertThat(nodes.send(nodes.a, "a-sender", "test.b.receiver", 100)).isInstanceOf(Fulfill.class);
        assertThat(nodes.send(nodes.b, "b-sender", "test.a.receiver", 40)).isInstanceOf(Fulfill.class);

        assertThat(peerAt(nodes.a, "test.b")).containsEntry("liquidity", "560");
        assertThat(peerAt(nodes.b, "test.a")).containsEntry("liquidity", "240");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldUpdateBothPeersAndRotateTokensOnARepeatedCall() throws Exception {
        Map<String, Object> first = (Map<String, Object>) result(peerByUrl(bUrl(), nodes.usdAtA)).get("peer");
        Object bTokenBefore = ((Map<String, Map<String, Object>>) peerAt(nodes.b, "test.a").get("http"))
                .get("outgoing").get("authToken");

        Map<String, Object> again = result(peerByUrl(bUrl(), nodes.usdAtA));

        Map<String, Object> second = (Map<String, Object>) again.get("peer");
        assertThat(again).containsEntry("message", "ILP peer updated");
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat(second.get("http")).isNotEqualTo(first.get("http"));
        assertThat(((Map<String, Map<String, Object>>) peerAt(nodes.b, "test.a").get("http")).get("outgoing")
                .get("authToken")).isNotEqualTo(bTokenBefore);
        assertThat(nodes.client.peers(nodes.a)).hasSize(3);
        assertThat(nodes.client.peers(nodes.b)).hasSize(3);
        assertThat(second).containsEntry("liquidity", "1000");
        assertThat(peerAt(nodes.b, "test.a")).containsEntry("liquidity", "300");

        assertThat(nodes.send(nodes.a, "a-sender", "test.b.receiver", 10)).isInstanceOf(Fulfill.class);
        assertThat(nodes.send(nodes.b, "b-sender", "test.a.receiver", 10)).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldReportAnUnreachableUrlAndCreateNothing() throws Exception {
        Map<String, Object> error = error(peerByUrl("http://127.0.0.1:1/", nodes.usdAtA));

        assertThat(error.get("extensions")).isEqualTo(Map.of("code", "NOT_FOUND"));
        assertThat((String) error.get("message")).startsWith("peerUrl http://127.0.0.1:1/ could not be reached")
                .endsWith("nothing was created");
        assertThat(nodes.client.peers(nodes.a)).hasSize(2);
    }

    @Test
    void shouldReportAnAssetThePeerLacksAndCreateNothing() throws Exception {
        String eur = nodes.client.createAsset(nodes.a, "EUR");

        Map<String, Object> error = error(peerByUrl(bUrl(), eur));

        assertThat(error.get("extensions")).isEqualTo(Map.of("code", "BAD_USER_INPUT"));
        assertThat(error.get("message")).isEqualTo("the peer at " + bUrl() + " does not support asset EUR with "
                + "scale 2; nothing was created");
        assertThat(nodes.client.peers(nodes.a)).hasSize(2);
        assertThat(nodes.client.peers(nodes.b)).hasSize(2);
    }

    @Test
    void shouldReportAMisconfiguredAnswerAndCreateNothing() throws Exception {
        HttpServer liar = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        liar.createContext("/", exchange -> {
            byte[] body = ("{\"ilpConnectorUrl\":\"gopher://x\",\"staticIlpAddress\":\"test.liar\","
                    + "\"httpToken\":\"t\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        liar.start();
        try {
            String url = "http://127.0.0.1:" + liar.getAddress().getPort() + "/";
            Map<String, Object> error = error(peerByUrl(url, nodes.usdAtA));

            assertThat(error.get("extensions")).isEqualTo(Map.of("code", "BAD_USER_INPUT"));
            assertThat((String) error.get("message")).startsWith("the peer at " + url + " answered with a "
                    + "misconfigured ILP configuration").contains("gopher://x").endsWith("nothing was created here");
            assertThat(nodes.client.peers(nodes.a)).hasSize(2);
        } finally {
            liar.stop(0);
        }
    }
}
