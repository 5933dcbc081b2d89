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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.kiungo.connector.Asset;
import org.kiungo.connector.HttpLink;
import org.kiungo.connector.Peer;
import org.kiungo.ledger.CreateTransferResult;

/**
 * Two real nodes over real HTTP where A speaks to B in RFC 35's asynchronous mode (ILP_OVER_HTTP_ASYNC_PEERS): B
 * answers A's Prepare with 202 and POSTs the reply to A's callback URL, which A's node derives from
 * ILP_CONNECTOR_URL and its bound port.
 */
class AsynchronousPeeringTest {
    private static final Asset USD = new Asset("USD", 2, 1);
    private static final byte[] FULFILLMENT = new byte[32];
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static {
        FULFILLMENT[5] = 5;
    }

    private final HttpClient alice = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private Node a;
    private Node b;

    @BeforeEach
    void start(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
        a = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dirA.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "ILP_ADDRESS", "test.a", "ILP_OVER_HTTP_ASYNC_PEERS", "b")));
        b = Node.start(config(dirB, "test.b"));
        a.peering().createAsset(USD);
        b.peering().createAsset(USD);
        a.peering().createPeer(Peer.of("alice", IlpAddress.of("test.a.alice"), USD, null, UUID.randomUUID()),
                List.of("alice-token"));
        // A speaks asynchronously to b because ILP_OVER_HTTP_ASYNC_PEERS names it; its link is a plain one.
        a.peering().createPeer(Peer.of("b", IlpAddress.of("test.b"), USD, link(b, "a-to-b"), UUID.randomUUID()),
                List.of("b-to-a"));
        b.peering().createPeer(Peer.of("a", IlpAddress.of("test.a"), USD, link(a, "b-to-a"), UUID.randomUUID()),
                List.of("a-to-b"));
        b.peering().createPeer(Peer.of("bob", IlpAddress.of("test.b.bob"), USD, null, UUID.randomUUID()),
                List.of("bob-token"));
        b.peering().attachLocalReceiver("bob", (from, prepare) -> new Fulfill(FULFILLMENT.clone(), new byte[0]));
        assertThat(a.peering().depositPeerLiquidity("alice", UUID.randomUUID(), 1_000))
                .isEqualTo(CreateTransferResult.OK);
        assertThat(b.peering().depositPeerLiquidity("a", UUID.randomUUID(), 1_000))
                .isEqualTo(CreateTransferResult.OK);
    }

    @AfterEach
    void stop() {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        alice.close();
    }

    private static Config config(Path dataDir, String address) throws ConfigException {
        return Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT", "0",
                "ILP_ADDRESS", address));
    }

    private static HttpLink link(Node to, String token) {
        return HttpLink.of(URI.create("http://127.0.0.1:" + to.connectorPort() + "/ilp"), token);
    }

    private Reply send(long amount) throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), Conditions.of(FULFILLMENT),
                IlpAddress.of("test.b.bob"), new byte[0]);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(alice.send(request, BodyHandlers.ofByteArray()).body());
    }

    @Test
    void shouldCarryAPacketWhoseReplyComesBackByCallback() throws Exception {
        assertThat(send(100)).isInstanceOf(Fulfill.class);
        assertThat(send(50)).isInstanceOf(Fulfill.class);

        assertThat(a.peering().peerAccount("alice").available()).isEqualTo(850);
        assertThat(a.peering().peerAccount("b").creditsPosted()).isEqualTo(150);
        assertThat(b.peering().peerAccount("a").available()).isEqualTo(850);
        assertThat(b.peering().peerAccount("bob").creditsPosted()).isEqualTo(150);
    }

    @Test
    void shouldBeRefusedByAPeerThatMayNotCallUsBackThereAndMoveNothing() throws Exception {
        // B knows A's endpoint under another host name, so A's callback URL is not one B will POST to.
        b.peering().updatePeer(b.peering().findPeer("a").orElseThrow().withLink(Optional.of(HttpLink.of(
                URI.create("http://localhost:" + a.connectorPort() + "/ilp"), "b-to-a"))));

        Reply reply = send(100);

        assertThat(reply).isInstanceOf(Reject.class);
        assertThat(((Reject) reply).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
        assertThat(((Reject) reply).message()).contains("HTTP 400");
        assertThat(a.peering().peerAccount("alice").available()).isEqualTo(1_000);
        assertThat(b.peering().peerAccount("bob").creditsPosted()).isZero();
    }

    @Test
    void shouldDeriveTheCallbackUrlFromTheConnectorUrl() {
        assertThat(Node.callbackUrl(URI.create("http://127.0.0.1:0"), 4321))
                .hasToString("http://127.0.0.1:4321/callback");
        assertThat(Node.callbackUrl(URI.create("https://ilp.example.com/ilp/"), 4321))
                .hasToString("https://ilp.example.com/ilp/callback");
        assertThat(Node.callbackUrl(URI.create("http://node.example:3002"), 4321))
                .hasToString("http://node.example:3002/callback");
    }
}
