package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.postgres.TestDatabase;

/**
 * Two replicas of one node (same ILP address, own data directories) on one PostgreSQL database: a peer that sends
 * to both at once can never spend more than its credit line, since both reserve in the same ledger rows; and a peer
 * created or deleted through one replica's admin API reaches the other's packet path within a bounded time.
 */
class PostgresReplicasTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final byte[] CONDITION;
    private static final long CREDIT = 1_000;
    private static final long AMOUNT = 100;
    private static final int PACKETS_PER_REPLICA = 30;

    static {
        FULFILLMENT[0] = 3;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    private final AdminClient admin = new AdminClient();
    private final List<Node> replicas = new ArrayList<>();

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Node::close);
        admin.close();
    }

    /** Far beyond a few refresh intervals: reaching it means the change never arrived. */
    private static final Duration PROPAGATION_WAIT_MAX = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);

    private Node start(Path dataDir) throws Exception {
        Node replica = Node.start(PostgresNodeTest.config(dataDir, "test.r", 0, database.url()));
        replicas.add(replica);
        return replica;
    }

    @Test
    void shouldNeverLetAPeerOverdrawItsCreditLineThroughTwoReplicasAtOnce(@TempDir Path dir1, @TempDir Path dir2)
            throws Exception {
        Node first = start(dir1);
        String usd = admin.createAsset(first, "USD", 2);
        String alice = admin.createPeer(first, usd, "test.r.alice", "alice-token", "unused", "http://127.0.0.1:1",
                CREDIT);
        String receiver = admin.createPeer(first, usd, "test.r.receiver", "receiver-token", "unused",
                "http://127.0.0.1:1", 0);
        Node second = start(dir2);
        for (Node replica : replicas) {
            replica.peering().attachLocalReceiver(receiver, (from, prepare) -> new Fulfill(FULFILLMENT.clone(),
                    new byte[0]));
        }

        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < PACKETS_PER_REPLICA; i++) {
                for (Node replica : List.of(first, second)) {
                    replies.add(senders.submit(() -> admin.send(replica, "alice-token", AMOUNT, "test.r.receiver",
                            CONDITION)));
                }
            }
        }

        int fulfilled = 0;
        for (Future<Reply> reply : replies) {
            if (reply.get() instanceof Fulfill) {
                fulfilled++;
            } else {
                assertThat(((Reject) reply.get()).code()).isEqualTo(ErrorCode.T04_INSUFFICIENT_LIQUIDITY);
            }
        }
        assertThat(fulfilled).isEqualTo((int) (CREDIT / AMOUNT));
        for (Node replica : replicas) {
            Account account = replica.peering().peerAccount(alice);
            assertThat(account.debitsPosted()).isEqualTo(CREDIT);
            assertThat(account.debitsPending()).isZero();
            assertThat(account.available()).isZero();
            assertThat(replica.peering().peerAccount(receiver).creditsPosted()).isEqualTo(CREDIT);
            assertThat(admin.liquidity(replica, alice)).isZero();
        }
    }

    @Test
    void shouldCarryAPeerCreatedOrDeletedThroughOneReplicaToTheOthersPacketPath(@TempDir Path dir1,
                                                                                @TempDir Path dir2)
            throws Exception {
        Node first = start(dir1);
        Node second = start(dir2);
        String usd = admin.createAsset(first, "USD", 2);
        assertThat(admin.status(second, "bob-token")).isEqualTo(401);

        String bob = admin.createPeer(first, usd, "test.r.bob", "bob-token", "unused", "http://127.0.0.1:1", 10);

        assertThat(awaitStatus(second, "bob-token", 200)).isEqualTo(200);
        assertThat(admin.liquidity(second, bob)).isEqualTo(10);
        admin.graphql(first, "mutation($input: DeletePeerInput!) { deletePeer(input: $input) { success } }",
                Map.of("input", Map.of("id", bob)));
        assertThat(awaitStatus(second, "bob-token", 401)).isEqualTo(401);
    }

    /** Polls with a zero-amount packet until the status is {@code wanted} or the bound passes; the last status. */
    private int awaitStatus(Node node, String token, int wanted) throws Exception {
        Instant giveUp = Instant.now().plus(PROPAGATION_WAIT_MAX);
        int status = admin.status(node, token);
        while (status != wanted && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
            status = admin.status(node, token);
        }
        return status;
    }
}
