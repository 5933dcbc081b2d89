package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
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
import java.util.OptionalLong;
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
import org.kiungo.connector.HttpLink;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.UpdatePeer;

/**
 * Two real nodes over real HTTP where A speaks to B in RFC 35's asynchronous mode (the mode of A's peer B, as
 * stored): B answers A's Prepare with 202 and POSTs the reply to A's callback URL, which A's node derives from
 * ILP_CONNECTOR_URL and its bound port.
 */
class AsynchronousPeeringTest {
    /** Where in-process peers "are": never called, since a local receiver or nobody stands in for them. */
    private static final String LOCAL = "http://127.0.0.1:1/ilp";
    private static final byte[] FULFILLMENT = new byte[32];
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static {
        FULFILLMENT[5] = 5;
    }

    private final HttpClient alice = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private Node a;
    private Node b;
    private String aliceAtA;
    private String bAtA;
    private String aAtB;
    private String bob;

    @BeforeEach
    void start(@TempDir Path dirA, @TempDir Path dirB) throws Exception {
        a = Node.start(config(dirA, "test.a"));
        b = Node.start(config(dirB, "test.b"));
        String usdAtA = a.peering().createAsset("USD", 2).id().toString();
        String usdAtB = b.peering().createAsset("USD", 2).id().toString();
        aliceAtA = peer(a, usdAtA, "test.a.alice", LOCAL, "unused", "alice-token", HttpLink.Mode.SYNCHRONOUS);
        bAtA = peer(a, usdAtA, "test.b", endpoint(b), "a-to-b", "b-to-a", HttpLink.Mode.ASYNCHRONOUS);
        aAtB = peer(b, usdAtB, "test.a", endpoint(a), "b-to-a", "a-to-b", HttpLink.Mode.SYNCHRONOUS);
        bob = peer(b, usdAtB, "test.b.bob", LOCAL, "unused", "bob-token", HttpLink.Mode.SYNCHRONOUS);
        b.peering().attachLocalReceiver(bob, (from, prepare) -> new Fulfill(FULFILLMENT.clone(), new byte[0]));
        a.peering().depositPeerLiquidity(aliceAtA, UUID.randomUUID(), 1_000);
        b.peering().depositPeerLiquidity(aAtB, UUID.randomUUID(), 1_000);
    }

    private static String peer(Node node, String assetId, String address, String endpoint, String outgoingToken,
                               String incomingToken, HttpLink.Mode mode) {
        return node.peering().createPeer(new CreatePeer(assetId, address, Optional.empty(), endpoint, outgoingToken,
                List.of(incomingToken), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of(), OptionalLong.empty(), mode, false)).id();
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
                "SPSP_PORT", "0", "ILP_ADDRESS", address));
    }

    private static String endpoint(Node to) {
        return "http://127.0.0.1:" + to.connectorPort() + "/ilp";
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

        assertThat(a.peering().peerAccount(aliceAtA).available()).isEqualTo(BigInteger.valueOf(850));
        assertThat(a.peering().peerAccount(bAtA).creditsPosted()).isEqualTo(150);
        assertThat(b.peering().peerAccount(aAtB).available()).isEqualTo(BigInteger.valueOf(850));
        assertThat(b.peering().peerAccount(bob).creditsPosted()).isEqualTo(150);
    }

    @Test
    void shouldBeRefusedByAPeerThatMayNotCallUsBackThereAndMoveNothing() throws Exception {
        // B knows A's endpoint under another host name, so A's callback URL is not one B will POST to.
        b.peering().services().peers().update(new UpdatePeer(aAtB, Optional.empty(), Optional.empty(),
                Optional.of("http://localhost:" + a.connectorPort() + "/ilp"), Optional.of("b-to-a"),
                Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty()));

        Reply reply = send(100);

        assertThat(reply).isInstanceOf(Reject.class);
        assertThat(((Reject) reply).code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
        assertThat(((Reject) reply).message()).contains("HTTP 400");
        assertThat(a.peering().peerAccount(aliceAtA).available()).isEqualTo(BigInteger.valueOf(1_000));
        assertThat(b.peering().peerAccount(bob).creditsPosted()).isZero();
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
