package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.node.AdminClient.field;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.ledger.postgres.TestDatabase;

/**
 * A peer's ILP-over-HTTP mode and HTTP/2 choice, set through the admin API over real HTTP, decide how a real node
 * sends it packets: a recording peer sees each Prepare's HTTP version and whether it asked for a reply by callback.
 * With PostgreSQL, the stored mode is what every replica's periodic store refresh applies.
 */
class PeerHttpLinkNodeTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final byte[] CONDITION;
    private static final String UPDATE_PEER = "mutation($input: UpdatePeerInput!) { updatePeer(input: $input) "
            + "{ success peer { http { outgoing { mode http2 } } } } }";
    /** Far beyond a few refresh intervals (2 s): reaching it means the change never arrived. */
    private static final Duration PROPAGATION_WAIT_MAX = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Enough for every packet a test may send while it waits for a refresh. */
    private static final long CREDIT = 1_000_000;

    static {
        FULFILLMENT[9] = 9;
        CONDITION = Conditions.of(FULFILLMENT);
    }

    @RegisterExtension
    final TestDatabase database = new TestDatabase();
    private final AdminClient admin = new AdminClient();
    private final List<Node> nodes = new ArrayList<>();
    private RecordingPeer b;

    @AfterEach
    void stop() {
        nodes.forEach(Node::close);
        if (b != null) {
            b.close();
        }
        admin.close();
    }

    private Node start(Config config) throws Exception {
        Node node = Node.start(config);
        nodes.add(node);
        return node;
    }

    /** Creates peer B at the recording peer through the admin API, in {@code mode} and with {@code http2}. */
    private String createB(Node node, String usd, String mode, boolean http2) throws Exception {
        Map<String, Object> input = Map.of("assetId", usd, "staticIlpAddress", "test.b", "http", Map.of(
                "incoming", Map.of("authTokens", List.of("b-to-a")),
                "outgoing", Map.of("authToken", "a-to-b", "endpoint", b.endpoint(), "mode", mode, "http2", http2)));
        Map<String, Object> created = field(admin.graphql(node, AdminClient.CREATE_PEER, Map.of("input", input)),
                "createPeer");
        return (String) field(created, "peer").get("id");
    }

    private Map<String, Object> updateB(Node node, String id, String mode, boolean http2) throws Exception {
        Map<String, Object> input = Map.of("id", id, "http", Map.of("outgoing", Map.of("authToken", "a-to-b",
                "endpoint", b.endpoint(), "mode", mode, "http2", http2)));
        Map<String, Object> updated = field(admin.graphql(node, UPDATE_PEER, Map.of("input", input)), "updatePeer");
        return field(field(field(updated, "peer"), "http"), "outgoing");
    }

    /** Sends one packet from Alice through {@code node} to B and returns how it reached B. */
    private RecordingPeer.Arrival sendToB(Node node) throws Exception {
        int before = b.arrivals().size();
        assertThat(admin.send(node, "alice-token", 10, "test.b.bob", CONDITION)).isInstanceOf(Fulfill.class);
        assertThat(b.arrivals()).hasSize(before + 1);
        return b.arrivals().get(before);
    }

    private static URI callbackOf(Node node) {
        return URI.create("http://127.0.0.1:" + node.connectorPort() + "/callback");
    }

    @Test
    void shouldSendToAPeerInTheModeAndHttpVersionTheAdminApiSet(@TempDir Path dir) throws Exception {
        b = new RecordingPeer(IlpAddress.of("test.b"), FULFILLMENT, "b-to-a");
        Node a = start(Config.load(Map.of("KIUNGO_DATA_DIR", dir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT",
                "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.a")));
        String usd = admin.createAsset(a, "USD", 2);
        admin.createPeer(a, usd, "test.a.alice", "alice-token", CREDIT);
        String bAtA = createB(a, usd, "ASYNCHRONOUS", true);

        RecordingPeer.Arrival asynchronous = sendToB(a);
        assertThat(asynchronous.callbackUrl()).contains(callbackOf(a));
        assertThat(asynchronous.httpVersion()).isEqualTo("HTTP/2.0");

        assertThat(updateB(a, bAtA, "SYNCHRONOUS", false)).containsEntry("mode", "SYNCHRONOUS")
                .containsEntry("http2", false);
        RecordingPeer.Arrival synchronous = sendToB(a);
        assertThat(synchronous.callbackUrl()).isEmpty();
        assertThat(synchronous.httpVersion()).isEqualTo("HTTP/1.1");
    }

    @Test
    void shouldKeepTheStoredModeThroughThePeriodicRefreshOfEveryReplica(@TempDir Path dir1, @TempDir Path dir2)
            throws Exception {
        b = new RecordingPeer(IlpAddress.of("test.b"), FULFILLMENT, "b-to-a");
        Node first = start(PostgresNodeTest.config(dir1, "test.r", 0, database.url()));
        Node second = start(PostgresNodeTest.config(dir2, "test.r", 0, database.url()));
        String usd = admin.createAsset(first, "USD", 2);
        String bAtA = createB(first, usd, "ASYNCHRONOUS", false);
        // Created after B, so the refresh that brings Alice to the second replica has brought B too.
        admin.createPeer(first, usd, "test.r.alice", "alice-token", CREDIT);
        assertThat(awaitStatus(second, "alice-token", 200)).isEqualTo(200);
        first.peering().services().refresh();

        assertThat(sendToB(first).callbackUrl()).contains(callbackOf(first));
        assertThat(sendToB(second).callbackUrl()).contains(callbackOf(second));

        updateB(first, bAtA, "SYNCHRONOUS", false);
        assertThat(awaitSynchronous(second)).isEmpty();
        first.peering().services().refresh();
        assertThat(sendToB(first).callbackUrl()).isEmpty();
    }

    /** Sends through {@code node} until a packet reaches B synchronously or the bound passes; its callback URL. */
    private Optional<URI> awaitSynchronous(Node node) throws Exception {
        Instant giveUp = Instant.now().plus(PROPAGATION_WAIT_MAX);
        Optional<URI> callbackUrl = sendToB(node).callbackUrl();
        while (callbackUrl.isPresent() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
            callbackUrl = sendToB(node).callbackUrl();
        }
        return callbackUrl;
    }

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
