package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Two real nodes peered with each other only through their admin GraphQL APIs over real HTTP: assets, peers with
 * crossed tokens and each other's connector endpoint, and liquidity. Alice, a child of A, sends packets to a
 * receiver on B; balances are read back through GraphQL and checked against each ledger.
 */
class AdminPeeringEndToEndTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final byte[] CONDITION;
    /** Longer than any answer may take; a hang shows as a failed request, never as a slow pass. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATE_ASSET = "mutation($input: CreateAssetInput!) { createAsset(input: $input) "
            + "{ success asset { id } } }";
    private static final String CREATE_PEER = "mutation($input: CreatePeerInput!) { createPeer(input: $input) "
            + "{ success peer { id liquidity } } }";
    private static final String DEPOSIT = "mutation($input: DepositPeerLiquidityInput!) "
            + "{ depositPeerLiquidity(input: $input) { code success } }";
    private static final String PEER_LIQUIDITY = "query($id: String!) { peer(id: $id) { liquidity } }";
    private static final String PEERS = "{ peers { edges { node { id staticIlpAddress } } } }";

    static {
        FULFILLMENT[31] = 42;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    private Node a;
    private Node b;
    private String aliceAtA;
    private String bAtA;
    private String aAtB;
    private String receiverAtB;

    @BeforeEach
    void peerTwoNodesThroughTheirAdminApis() throws Exception {
        a = Node.start(config(dirA, "test.a", 0));
        b = Node.start(config(dirB, "test.b", 0));
        String usdAtA = createAsset(a);
        String usdAtB = createAsset(b);
        aliceAtA = createPeer(a, usdAtA, "test.a.alice", "alice-token", "unused-alice-token", "http://127.0.0.1:1",
                1_000);
        bAtA = createPeer(a, usdAtA, "test.b", "b-to-a", "a-to-b", "http://127.0.0.1:" + b.connectorPort(), 0);
        aAtB = createPeer(b, usdAtB, "test.a", "a-to-b", "b-to-a", "http://127.0.0.1:" + a.connectorPort(), 0);
        receiverAtB = createPeer(b, usdAtB, "test.b.receiver", "receiver-token", "unused-receiver-token",
                "http://127.0.0.1:1", 0);
        deposit(b, aAtB, 500);
        b.peering().attachLocalReceiver(receiverAtB, AdminPeeringEndToEndTest::receive);
    }

    @AfterEach
    void stopNodes() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        http.close();
    }

    private static Reply receive(String from, Prepare prepare) {
        return new Fulfill(FULFILLMENT.clone(), new byte[] {1});
    }

    private static Config config(Path dataDir, String address, int connectorPort) throws ConfigException {
        return Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT",
                Integer.toString(connectorPort), "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", address));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> graphql(Node node, String query, Map<String, Object> variables) throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/graphql"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> answer = JSON.readValue(response.body(), Map.class);
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) answer.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> map, String name) {
        return (Map<String, Object>) map.get(name);
    }

    private String createAsset(Node node) throws Exception {
        Map<String, Object> created = field(graphql(node, CREATE_ASSET,
                Map.of("input", Map.of("code", "USD", "scale", 2))), "createAsset");
        assertThat(created).containsEntry("success", true);
        return (String) field(created, "asset").get("id");
    }

    private String createPeer(Node node, String assetId, String address, String incomingToken, String outgoingToken,
                              String endpoint, long initialLiquidity) throws Exception {
        Map<String, Object> input = Map.of("assetId", assetId, "staticIlpAddress", address,
                "initialLiquidity", Long.toString(initialLiquidity),
                "http", Map.of("incoming", Map.of("authTokens", List.of(incomingToken)),
                        "outgoing", Map.of("authToken", outgoingToken, "endpoint", endpoint)));
        Map<String, Object> created = field(graphql(node, CREATE_PEER, Map.of("input", input)), "createPeer");
        assertThat(created).containsEntry("success", true);
        Map<String, Object> peer = field(created, "peer");
        assertThat(peer).containsEntry("liquidity", Long.toString(initialLiquidity));
        return (String) peer.get("id");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> peers(Node node) throws Exception {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) field(graphql(node, PEERS, Map.of()), "peers")
                .get("edges");
        return edges.stream().map(edge -> field(edge, "node")).toList();
    }

    private void deposit(Node node, String peerId, long amount) throws Exception {
        Map<String, Object> input = Map.of("peerId", peerId, "amount", Long.toString(amount),
                "id", UUID.randomUUID().toString());
        assertThat(field(graphql(node, DEPOSIT, Map.of("input", input)), "depositPeerLiquidity"))
                .containsEntry("success", true);
    }

    /** A peer's liquidity as the admin API shows it, after checking that it is what the ledger holds. */
    private long liquidity(Node node, String peerId) throws Exception {
        String shown = (String) field(graphql(node, PEER_LIQUIDITY, Map.of("id", peerId)), "peer").get("liquidity");
        BigInteger inLedger = node.peering().peerAccount(peerId).available();
        assertThat(new BigInteger(shown)).isEqualTo(inLedger);
        return Long.parseLong(shown);
    }

    private Reply send(long amount, String destination) throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), CONDITION.clone(),
                IlpAddress.of(destination), new byte[] {7});
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(http.send(request, BodyHandlers.ofByteArray()).body());
    }

    private void assertLiquidity(long alice, long bSeenByA, long aSeenByB) throws Exception {
        assertThat(liquidity(a, aliceAtA)).isEqualTo(alice);
        assertThat(liquidity(a, bAtA)).isEqualTo(bSeenByA);
        assertThat(liquidity(b, aAtB)).isEqualTo(aSeenByB);
        assertThat(b.peering().peerAccount(aAtB).debitsPending()).isZero();
        assertThat(a.peering().peerAccount(aliceAtA).debitsPending()).isZero();
    }

    @Test
    void shouldCarryAPacketBetweenNodesPeeredOnlyThroughGraphqlAndMoveLiquidityOnBothSides() throws Exception {
        assertLiquidity(1_000, 0, 500);

        assertThat(send(100, "test.b.receiver")).isEqualTo(new Fulfill(FULFILLMENT, new byte[] {1}));

        assertLiquidity(900, 100, 400);
        assertThat(b.peering().peerAccount(receiverAtB).creditsPosted()).isEqualTo(100);
    }

    @Test
    void shouldRejectAPacketBeyondBsCreditToAWithT04AndMoveNothing() throws Exception {
        assertThat(send(100, "test.b.receiver")).isInstanceOf(Fulfill.class);

        Reply reply = send(401, "test.b.receiver");

        assertThat(reply).isInstanceOf(Reject.class);
        assertThat(((Reject) reply).code()).isEqualTo(ErrorCode.T04_INSUFFICIENT_LIQUIDITY);
        assertThat(((Reject) reply).triggeredBy()).isEqualTo("test.b");
        assertLiquidity(900, 100, 400);
        assertThat(b.peering().peerAccount(receiverAtB).creditsPosted()).isEqualTo(100);
    }

    @Test
    void shouldKeepThePeerAndCarryPacketsAfterBRestartsOnTheSameDataDirectory() throws Exception {
        assertThat(send(100, "test.b.receiver")).isInstanceOf(Fulfill.class);
        int connectorPort = b.connectorPort();
        b.close();

        b = Node.start(config(dirB, "test.b", connectorPort));
        b.peering().attachLocalReceiver(receiverAtB, AdminPeeringEndToEndTest::receive);

        List<Map<String, Object>> peers = peers(b);
        assertThat(peers).extracting(peer -> peer.get("id")).containsExactly(aAtB, receiverAtB);
        assertThat(peers).extracting(peer -> peer.get("staticIlpAddress")).containsExactly("test.a", "test.b.receiver");
        assertLiquidity(900, 100, 400);

        assertThat(send(150, "test.b.receiver")).isInstanceOf(Fulfill.class);

        assertLiquidity(750, 250, 250);
        assertThat(b.peering().peerAccount(receiverAtB).creditsPosted()).isEqualTo(250);
    }
}
