package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Predicate;
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
import org.kiungo.peering.CreatePeer;

/**
 * Three real nodes over real HTTP that learn their routes by CCP only: A peers with B, B with A and C, and no node
 * has a configured route. A learns C's address from B; when B loses C, A hears of the withdrawal. Updates go every
 * 100 ms here, so the waits below are short; they poll with a bound and never assert on how long anything took.
 */
class CcpNetworkTest {
    /** The endpoint of a peer served by an in-process receiver or never sent to: nothing listens there. */
    private static final String NOWHERE = "http://127.0.0.1:1/ilp";
    private static final byte[] FULFILLMENT = new byte[32];
    private static final byte[] CONDITION;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Far longer than a few broadcast intervals: reaching it means the routes never arrived. */
    private static final Duration ROUTES_WAIT_MAX = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);

    static {
        FULFILLMENT[0] = 9;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    private final HttpClient alice = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private Node a;
    private Node b;
    private Node c;
    /** Asset and peer ids by node address and the test's name for them: the services choose the ids. */
    private final Map<String, String> ids = new HashMap<>();

    @BeforeEach
    void startNetwork(@TempDir Path dirA, @TempDir Path dirB, @TempDir Path dirC) throws Exception {
        a = Node.start(config(dirA, "test.a"));
        b = Node.start(config(dirB, "test.b"));
        c = Node.start(config(dirC, "test.c"));
        for (Node node : List.of(a, b, c)) {
            ids.put(node.ilpAddress() + "/USD", node.peering().createAsset("USD", 2).id().toString());
        }
        peer(a, "alice", "test.a.alice", NOWHERE, "unused", "alice-token");
        peer(a, "b", "test.b", endpoint(b), "a-to-b", "b-to-a");
        peer(b, "a", "test.a", endpoint(a), "b-to-a", "a-to-b");
        peer(b, "c", "test.c", endpoint(c), "b-to-c", "c-to-b");
        peer(c, "b", "test.b", endpoint(b), "c-to-b", "b-to-c");
        peer(c, "receiver", "test.c.receiver", NOWHERE, "unused", "receiver-token");
        c.peering().attachLocalReceiver(id(c, "receiver"), (from, prepare) -> new Fulfill(FULFILLMENT.clone(),
                new byte[0]));
        deposit(a, "alice", 1_000);
        deposit(b, "a", 1_000);
        deposit(c, "b", 1_000);
    }

    @AfterEach
    void stopNetwork() {
        for (Node node : new Node[] {a, b, c}) {
            if (node != null) {
                node.close();
            }
        }
        alice.close();
    }

    private static Config config(Path dataDir, String address) throws ConfigException {
        return Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT", "0",
                "SPSP_PORT", "0",
                "ILP_ADDRESS", address, "CCP_BROADCAST_INTERVAL_MS", "100"));
    }

    private static String endpoint(Node to) {
        return "http://127.0.0.1:" + to.connectorPort() + "/ilp";
    }

    private void peer(Node node, String name, String address, String endpoint, String outgoingToken, String token) {
        String id = node.peering().createPeer(new CreatePeer(id(node, "USD"), address, Optional.of(name), endpoint,
                outgoingToken, List.of(token), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of())).id();
        ids.put(node.ilpAddress() + "/" + name, id);
    }

    private String id(Node node, String name) {
        return Objects.requireNonNull(ids.get(node.ilpAddress() + "/" + name), name);
    }

    private void deposit(Node node, String name, long amount) {
        node.peering().depositPeerLiquidity(id(node, name), UUID.randomUUID(), amount);
    }

    private Reply send(long amount, String destination) throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), CONDITION.clone(),
                IlpAddress.of(destination), new byte[0]);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(alice.send(request, BodyHandlers.ofByteArray()).body());
    }

    /** Sends zero-amount packets until one gets a reply {@code wanted} accepts, or the bound passes. */
    private Reply awaitReply(String destination, Predicate<Reply> wanted) throws Exception {
        Instant giveUp = Instant.now().plus(ROUTES_WAIT_MAX);
        Reply reply = send(0, destination);
        while (!wanted.test(reply) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
            reply = send(0, destination);
        }
        return reply;
    }

    private static boolean unreachableAt(Reply reply, String node) {
        return reply instanceof Reject reject && reject.code().equals(ErrorCode.F02_UNREACHABLE)
                && reject.triggeredBy().equals(node);
    }

    @Test
    void shouldCarryAPacketFromAToCOverARouteLearnedFromB() throws Exception {
        assertThat(awaitReply("test.c.receiver", reply -> reply instanceof Fulfill)).isInstanceOf(Fulfill.class);

        assertThat(send(100, "test.c.receiver")).isInstanceOf(Fulfill.class);

        assertThat(a.peering().peerAccount(id(a, "alice")).available()).isEqualTo(900);
        assertThat(c.peering().peerAccount(id(c, "receiver")).creditsPosted()).isEqualTo(100);
    }

    /** Only zero-amount packets cross B to C, so C has no payment history at B and may be deleted. */
    @Test
    void shouldLoseTheRouteAtAWhenBDeletesItsPeerC() throws Exception {
        assertThat(awaitReply("test.c.receiver", reply -> reply instanceof Fulfill)).isInstanceOf(Fulfill.class);

        b.peering().services().peers().delete(id(b, "c"));

        Reply after = awaitReply("test.c.receiver", reply -> unreachableAt(reply, "test.a"));
        assertThat(unreachableAt(after, "test.a")).as("F02 from A itself, not from B: %s", after).isTrue();
        assertThat(a.peering().peerAccount(id(a, "alice")).available()).isEqualTo(1_000);
        assertThat(send(1, "test.b")).isInstanceOf(Reject.class);
    }
}
