package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.node.AdminClient.field;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
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
    private static final String PEERS = "{ peers { edges { node { id staticIlpAddress } } } }";

    static {
        FULFILLMENT[31] = 42;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    private final AdminClient admin = new AdminClient();
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
        String usdAtA = admin.createAsset(a, "USD", 2);
        String usdAtB = admin.createAsset(b, "USD", 2);
        aliceAtA = admin.createPeer(a, usdAtA, "test.a.alice", "alice-token", "unused-alice-token",
                "http://127.0.0.1:1", 1_000);
        bAtA = admin.createPeer(a, usdAtA, "test.b", "b-to-a", "a-to-b", "http://127.0.0.1:" + b.connectorPort(),
                0);
        aAtB = admin.createPeer(b, usdAtB, "test.a", "a-to-b", "b-to-a", "http://127.0.0.1:" + a.connectorPort(),
                0);
        receiverAtB = admin.createPeer(b, usdAtB, "test.b.receiver", "receiver-token", "unused-receiver-token",
                "http://127.0.0.1:1", 0);
        admin.deposit(b, aAtB, 500);
        b.peering().attachLocalReceiver(receiverAtB, AdminPeeringEndToEndTest::receive);
    }

    @AfterEach
    void stopNodes() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        admin.close();
    }

    private static Reply receive(String from, Prepare prepare) {
        return new Fulfill(FULFILLMENT.clone(), new byte[] {1});
    }

    private static Config config(Path dataDir, String address, int connectorPort) throws ConfigException {
        return Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT",
                Integer.toString(connectorPort), "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", address));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> peers(Node node) throws Exception {
        List<Map<String, Object>> edges = (List<Map<String, Object>>) field(admin.graphql(node, PEERS, Map.of()),
                "peers").get("edges");
        return edges.stream().map(edge -> field(edge, "node")).toList();
    }

    /** A peer's liquidity as the admin API shows it, after checking that it is what the ledger holds. */
    private long liquidity(Node node, String peerId) throws Exception {
        long shown = admin.liquidity(node, peerId);
        assertThat(node.peering().peerAccount(peerId).available()).isEqualTo(shown);
        return shown;
    }

    private Reply send(long amount, String destination) throws Exception {
        return admin.send(a, "alice-token", amount, destination, CONDITION);
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
