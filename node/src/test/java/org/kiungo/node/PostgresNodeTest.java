package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.node.AdminClient.field;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.postgres.TestDatabase;

/**
 * A node whose ledger and peering store are in PostgreSQL (a fresh schema per test), driven only through its admin
 * GraphQL API, exchanging packets with an embedded node B. It is then restarted on the same database with an empty
 * data directory, so whatever it still knows can only have come from PostgreSQL.
 */
class PostgresNodeTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final byte[] CONDITION;
    private static final String WITHDRAW = "mutation($input: CreatePeerLiquidityWithdrawalInput!) "
            + "{ createPeerLiquidityWithdrawal(input: $input) { code success message } }";
    private static final String POST = "mutation($id: String!) { postLiquidityWithdrawal(withdrawalId: $id) "
            + "{ code success message } }";
    private static final String ASSETS = "{ assets { edges { node { id code scale } } } }";
    private static final String PEERS = "{ peers { edges { node { id staticIlpAddress asset { id } } } } }";

    static {
        FULFILLMENT[31] = 7;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    private final AdminClient admin = new AdminClient();
    @TempDir
    Path dirA;
    @TempDir
    Path dirAAfterRestart;
    @TempDir
    Path dirB;
    private Node a;
    private Node b;
    private String usd;
    private String bAtA;
    private String receiverAtA;

    @BeforeEach
    void peerANodeOnPostgresWithAnEmbeddedOne() throws Exception {
        a = Node.start(config(dirA, "test.a", 0, database.url()));
        b = Node.start(config(dirB, "test.b", 0, null));
        usd = admin.createAsset(a, "USD", 2);
        bAtA = admin.createPeer(a, usd, "test.b", "b-to-a", "a-to-b", "http://127.0.0.1:" + b.connectorPort(), 500);
        receiverAtA = admin.createPeer(a, usd, "test.a.receiver", "receiver-token", "unused", "http://127.0.0.1:1",
                0);
        a.peering().attachLocalReceiver(receiverAtA, PostgresNodeTest::receive);
        String usdAtB = admin.createAsset(b, "USD", 2);
        admin.createPeer(b, usdAtB, "test.b.bob", "bob-token", "unused", "http://127.0.0.1:1", 1_000);
        admin.createPeer(b, usdAtB, "test.a", "a-to-b", "b-to-a", "http://127.0.0.1:" + a.connectorPort(), 0);
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

    static Config config(Path dataDir, String address, int connectorPort, String databaseUrl) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("KIUNGO_DATA_DIR", dataDir.toString(),
                "CONNECTOR_PORT", Integer.toString(connectorPort), "ADMIN_PORT", "0", "SPSP_PORT", "0",
                "ILP_ADDRESS", address));
        if (databaseUrl != null) {
            environment.put("DATABASE_URL", databaseUrl);
        }
        return Config.load(environment);
    }

    private Reply bobPays(long amount) throws Exception {
        return admin.send(b, "bob-token", amount, "test.a.receiver", CONDITION);
    }

    private Map<String, Object> withdraw(String id, long amount) throws Exception {
        return field(admin.graphql(a, WITHDRAW, Map.of("input", Map.of("peerId", bAtA, "amount",
                Long.toString(amount), "id", id))), "createPeerLiquidityWithdrawal");
    }

    private Map<String, Object> depositWithKey(String key, long amount, String transferId) throws Exception {
        return admin.request(a, AdminClient.DEPOSIT, Map.of("input", Map.of("peerId", bAtA, "amount",
                Long.toString(amount), "id", transferId, "idempotencyKey", key)));
    }

    /** B's credit line at A: shown by the admin API and held by the PostgreSQL ledger, with nothing pending. */
    private void assertCreditOfB(long expected) throws Exception {
        assertThat(admin.liquidity(a, bAtA)).isEqualTo(expected);
        Account account = a.peering().peerAccount(bAtA);
        assertThat(account.available()).isEqualTo(expected);
    }

    @Test
    void shouldKeepEveryAssetPeerTokenWithdrawalIdempotencyRecordAndBalanceAcrossARestart() throws Exception {
        assertThat(bobPays(100)).isInstanceOf(Fulfill.class);
        String depositId = UUID.randomUUID().toString();
        Map<String, Object> firstDeposit = depositWithKey("deposit-1", 250, depositId);
        assertThat(field(field(firstDeposit, "data"), "depositPeerLiquidity")).containsEntry("success", true);
        String posted = UUID.randomUUID().toString();
        String pending = UUID.randomUUID().toString();
        assertThat(withdraw(posted, 50)).containsEntry("success", true);
        assertThat(field(admin.graphql(a, POST, Map.of("id", posted)), "postLiquidityWithdrawal"))
                .containsEntry("success", true);
        assertThat(withdraw(pending, 30)).containsEntry("success", true);
        assertCreditOfB(500 - 100 + 250 - 50 - 30);
        assertThat(a.peering().peerAccount(bAtA).debitsPending()).isEqualTo(30);
        Object assetsBefore = admin.graphql(a, ASSETS, Map.of());
        Object peersBefore = admin.graphql(a, PEERS, Map.of());
        int connectorPort = a.connectorPort();
        a.close();

        a = Node.start(config(dirAAfterRestart, "test.a", connectorPort, database.url()));
        a.peering().attachLocalReceiver(receiverAtA, PostgresNodeTest::receive);

        assertThat(admin.graphql(a, ASSETS, Map.of())).isEqualTo(assetsBefore);
        assertThat(admin.graphql(a, PEERS, Map.of())).isEqualTo(peersBefore);
        assertCreditOfB(570);
        assertThat(depositWithKey("deposit-1", 250, depositId)).isEqualTo(firstDeposit);
        assertThat(admin.errorCode(a, AdminClient.DEPOSIT, Map.of("input", Map.of("peerId", bAtA, "amount", "1",
                "id", UUID.randomUUID().toString(), "idempotencyKey", "deposit-1")))).isEqualTo("CONFLICT");
        assertCreditOfB(570);
        assertThat(admin.errorCode(a, POST, Map.of("id", posted))).isEqualTo("CONFLICT");
        assertThat(field(admin.graphql(a, POST, Map.of("id", pending)), "postLiquidityWithdrawal"))
                .containsEntry("success", true);
        assertThat(a.peering().peerAccount(bAtA).debitsPending()).isZero();
        assertThat(a.peering().peerAccount(bAtA).debitsPosted()).isEqualTo(100 + 80);
        // B's incoming token "b-to-a" is known to A only as a hash in PostgreSQL.
        assertThat(bobPays(70)).isInstanceOf(Fulfill.class);
        assertCreditOfB(500);
        assertThat(a.peering().peerAccount(receiverAtA).creditsPosted()).isEqualTo(170);
        assertThat(List.of(dirAAfterRestart.resolve(Storage.LEDGER_DIRECTORY),
                dirAAfterRestart.resolve(Storage.PEERING_DIRECTORY))).noneMatch(Files::exists);
    }
}
