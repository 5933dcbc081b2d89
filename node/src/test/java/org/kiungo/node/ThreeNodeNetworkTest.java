package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ildcp.IldcpRequest;
import org.kiungo.codec.ildcp.IldcpResponse;
import org.kiungo.codec.ilp.AmountTooLargeData;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.connector.StaticRates;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.UpdatePeer;

/**
 * Three real nodes over real HTTP on ephemeral ports: alice (a test client) sends through A to B to C, where an
 * in-process receiver fulfils. A routes C's prefix via B; B knows C directly. Assets and peers are created
 * through each node's peering services, as the admin API creates them; balances are read from each ledger.
 */
class ThreeNodeNetworkTest {
    /** The link of a peer served by an in-process receiver: packets never go over it. */
    private static final Link LOCAL = new Link("http://127.0.0.1:1/ilp", "unused-token");
    private static final byte[] FULFILLMENT = new byte[32];
    private static final byte[] CONDITION;
    /** Longer than any answer may take; a hang shows as a failed request, never as a slow pass. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static {
        FULFILLMENT[31] = 42;
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
        b = Node.start(config(dirB, "test.b"), new StaticRates("USD", Map.of("EUR", new BigDecimal("0.9"))));
        c = Node.start(config(dirC, "test.c"));
        for (Node node : List.of(a, b, c)) {
            asset(node, "USD", 2);
        }
        peer(a, "alice", "test.a.alice", "USD", LOCAL, "alice-token");
        peer(a, "b", "test.b", "USD", link(b, "a-to-b"), "b-to-a", "test.c");
        peer(b, "a", "test.a", "USD", link(a, "b-to-a"), "a-to-b");
        peer(b, "c", "test.c", "USD", link(c, "b-to-c"), "c-to-b");
        peer(c, "b", "test.b", "USD", link(b, "c-to-b"), "b-to-c");
        peer(c, "receiver", "test.c.receiver", "USD", LOCAL, "unused-receiver-token");
        c.peering().attachLocalReceiver(id(c, "receiver"), ThreeNodeNetworkTest::receive);
        deposit(a, "alice", 1_000);
        deposit(b, "a", 500);
        deposit(c, "b", 500);
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

    /** Fulfils packets for test.c.receiver; packets for test.c.receiver.liar get a wrong fulfillment. */
    private static Reply receive(String from, Prepare prepare) {
        if (prepare.destination().value().endsWith(".liar")) {
            return new Fulfill(new byte[32], new byte[0]);
        }
        return new Fulfill(FULFILLMENT.clone(), new byte[] {1});
    }

    private static Config config(Path dataDir, String address) throws ConfigException {
        return Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT", "0",
                "SPSP_PORT", "0",
                "ILP_ADDRESS", address));
    }

    /** Where and with which token a node sends to a peer. */
    private record Link(String endpoint, String outgoingToken) {
    }

    private static Link link(Node to, String token) {
        return new Link("http://127.0.0.1:" + to.connectorPort() + "/ilp", token);
    }

    private void asset(Node node, String code, int scale) {
        ids.put(node.ilpAddress() + "/" + code, node.peering().createAsset(code, scale).id().toString());
    }

    /** Creates a peer that the test calls {@code name} on {@code node}, with one incoming {@code token}. */
    private void peer(Node node, String name, String address, String assetCode, Link link, String token,
                      String... routes) {
        String id = node.peering().createPeer(new CreatePeer(id(node, assetCode), address, Optional.of(name),
                link.endpoint(), link.outgoingToken(), List.of(token), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), List.of(routes))).id();
        ids.put(node.ilpAddress() + "/" + name, id);
    }

    private String id(Node node, String name) {
        return Objects.requireNonNull(ids.get(node.ilpAddress() + "/" + name), name);
    }

    private void deposit(Node node, String name, long amount) {
        node.peering().depositPeerLiquidity(id(node, name), UUID.randomUUID(), amount);
    }

    private Reply send(long amount, String destination, Instant expiresAt) throws Exception {
        Prepare prepare = new Prepare(amount, expiresAt, CONDITION.clone(), IlpAddress.of(destination),
                new byte[] {7});
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(alice.send(request, BodyHandlers.ofByteArray()).body());
    }

    private Reply send(long amount, String destination) throws Exception {
        return send(amount, destination, Instant.now().plusSeconds(20));
    }

    private BigInteger available(Node node, String name) {
        return node.peering().peerAccount(id(node, name)).available();
    }

    private long received(Node node, String name) {
        return node.peering().peerAccount(id(node, name)).creditsPosted();
    }

    private void assertNothingMoved() {
        assertThat(available(a, "alice")).isEqualTo(1_000);
        assertThat(received(a, "b")).isZero();
        assertThat(available(b, "a")).isEqualTo(500);
        assertThat(received(b, "c")).isZero();
        assertThat(available(c, "b")).isEqualTo(500);
        assertThat(received(c, "receiver")).isZero();
        for (Node node : List.of(a, b, c)) {
            for (String name : List.of("alice", "a", "b", "c", "receiver")) {
                if (ids.containsKey(node.ilpAddress() + "/" + name)) {
                    assertThat(node.peering().peerAccount(id(node, name)).debitsPending()).isZero();
                }
            }
        }
    }

    private static Reject reject(Reply reply) {
        assertThat(reply).isInstanceOf(Reject.class);
        return (Reject) reply;
    }

    @Test
    void shouldCarryAPacketFromAToCAndMoveBalancesOnAllThreeNodes() throws Exception {
        Reply reply = send(100, "test.c.receiver");

        assertThat(reply).isEqualTo(new Fulfill(FULFILLMENT, new byte[] {1}));
        assertThat(available(a, "alice")).isEqualTo(900);
        assertThat(received(a, "b")).isEqualTo(100);
        assertThat(available(b, "a")).isEqualTo(400);
        assertThat(received(b, "c")).isEqualTo(100);
        assertThat(available(c, "b")).isEqualTo(400);
        assertThat(received(c, "receiver")).isEqualTo(100);
    }

    @Test
    void shouldRejectWithT04FromBWhenItsCreditToAIsUsedUpAndMoveNothing() throws Exception {
        assertThat(send(400, "test.c.receiver")).isInstanceOf(Fulfill.class);

        Reject reject = reject(send(101, "test.c.receiver"));

        assertThat(reject.code()).isEqualTo(ErrorCode.T04_INSUFFICIENT_LIQUIDITY);
        assertThat(reject.triggeredBy()).isEqualTo("test.b");
        assertThat(available(a, "alice")).isEqualTo(600);
        assertThat(available(b, "a")).isEqualTo(100);
        assertThat(received(c, "receiver")).isEqualTo(400);
        assertThat(send(100, "test.c.receiver")).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldRejectAnUnknownDestinationWithF02FromTheNodeThatHasNoRoute() throws Exception {
        Reject atA = reject(send(100, "test.nowhere.x"));
        Reject atC = reject(send(100, "test.c.nobody"));

        assertThat(atA.code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(atA.triggeredBy()).isEqualTo("test.a");
        assertThat(atC.code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(atC.triggeredBy()).isEqualTo("test.c");
        assertNothingMoved();
    }

    @Test
    void shouldRejectExpiredAndTooShortPacketsWithR00AndR02() throws Exception {
        Reject expired = reject(send(100, "test.c.receiver", Instant.now().minusSeconds(1)));
        Reject tooShort = reject(send(100, "test.c.receiver", Instant.now().plusMillis(1_500)));
        // Each hop takes a second off: C is left with about 1.5 s, under its 2 s minimum.
        Reject tooShortAtC = reject(send(100, "test.c.receiver", Instant.now().plusMillis(3_500)));

        assertThat(expired.code()).isEqualTo(ErrorCode.R00_TRANSFER_TIMED_OUT);
        assertThat(expired.triggeredBy()).isEqualTo("test.a");
        assertThat(tooShort.code()).isEqualTo(ErrorCode.R02_INSUFFICIENT_TIMEOUT);
        assertThat(tooShort.triggeredBy()).isEqualTo("test.a");
        assertThat(tooShortAtC.code()).isEqualTo(ErrorCode.R02_INSUFFICIENT_TIMEOUT);
        assertThat(tooShortAtC.triggeredBy()).isEqualTo("test.c");
        assertNothingMoved();
    }

    @Test
    void shouldRejectAPacketAboveBsMaximumWithF08AndItsAmounts() throws Exception {
        b.peering().services().peers().update(new UpdatePeer(id(b, "a"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.of(300), OptionalLong.empty(),
                Optional.empty()));

        Reject reject = reject(send(301, "test.c.receiver"));

        assertThat(reject.code()).isEqualTo(ErrorCode.F08_AMOUNT_TOO_LARGE);
        assertThat(reject.triggeredBy()).isEqualTo("test.b");
        assertThat(AmountTooLargeData.decode(reject.data())).isEqualTo(new AmountTooLargeData(301, 300));
        assertNothingMoved();
        assertThat(send(300, "test.c.receiver")).isInstanceOf(Fulfill.class);
    }

    @Test
    void shouldRejectAWrongFulfillmentWithF05AndLeaveBalancesUntouched() throws Exception {
        Reject reject = reject(send(100, "test.c.receiver.liar"));

        assertThat(reject.code()).isEqualTo(ErrorCode.F05_WRONG_CONDITION);
        assertThat(reject.triggeredBy()).isEqualTo("test.c");
        assertNothingMoved();
    }

    @Test
    void shouldRejectWithT01PromptlyWhenCIsDown() throws Exception {
        c.close();

        // The packet lives 20 s; the request gives up after 10 s, so a pass means B did not wait for expiry.
        Reject reject = reject(send(100, "test.c.receiver"));

        assertThat(reject.code()).isEqualTo(ErrorCode.T01_PEER_UNREACHABLE);
        assertThat(reject.triggeredBy()).isEqualTo("test.b");
        assertThat(available(a, "alice")).isEqualTo(1_000);
        assertThat(available(b, "a")).isEqualTo(500);
        assertThat(received(b, "c")).isZero();
    }

    @Test
    void shouldTellAChildItsAddressAndAssetOverIldcp() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IldcpRequest.expiringAfterDefault(Clock.systemUTC()).encode()))
                .build();

        IldcpResponse response = IldcpResponse.decode(alice.send(request, BodyHandlers.ofByteArray()).body());

        assertThat(response).isEqualTo(new IldcpResponse(IlpAddress.of("test.a.alice"), 2, "USD"));
        assertNothingMoved();
    }

    @Test
    void shouldKeepBalancesExactUnderConcurrentPacketsOverHttp2() throws Exception {
        a.peering().services().peers().update(new UpdatePeer(id(a, "b"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                Optional.empty(), OptionalLong.empty(), Optional.empty(), Optional.of(true)));
        assertThat(a.peering().services().peers().get(id(a, "b")).http2()).isTrue();
        int packets = 200;
        List<Future<Reply>> replies = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < packets; i++) {
                replies.add(senders.submit(() -> send(2, "test.c.receiver")));
            }
        }
        for (Future<Reply> reply : replies) {
            assertThat(reply.get()).isInstanceOf(Fulfill.class);
        }

        assertThat(available(a, "alice")).isEqualTo(1_000 - 2 * packets);
        assertThat(received(a, "b")).isEqualTo(2 * packets);
        assertThat(available(b, "a")).isEqualTo(500 - 2 * packets);
        assertThat(received(b, "c")).isEqualTo(2 * packets);
        assertThat(available(c, "b")).isEqualTo(500 - 2 * packets);
        assertThat(received(c, "receiver")).isEqualTo(2 * packets);
        // B has 100 of its credit to A left: a packet of 102 is refused and A's reservation released.
        assertThat(send(102, "test.c.receiver")).isInstanceOf(Reject.class);
        assertThat(available(a, "alice")).isEqualTo(600);
    }

    @Test
    void shouldConvertUsdAtScale2ToEurAtScale6Exactly() throws Exception {
        asset(b, "EUR", 6);
        asset(c, "EUR", 6);
        b.peering().depositAssetLiquidity(id(b, "EUR"), UUID.randomUUID(), 50_000_000);
        peer(b, "c-eur", "test.c", "EUR", link(c, "b-to-c-eur"), "c-eur-to-b", "test.c.eur");
        peer(c, "b-eur", "test.b", "EUR", link(b, "c-eur-to-b"), "b-to-c-eur");
        peer(c, "eur-receiver", "test.c.eur.receiver", "EUR", LOCAL, "unused-eur-token");
        c.peering().attachLocalReceiver(id(c, "eur-receiver"), ThreeNodeNetworkTest::receive);
        deposit(c, "b-eur", 20_000_000);
        deposit(a, "alice", 1_000);
        deposit(b, "a", 1_000);

        // $12.34 at 0.9 EUR per USD is 11.106 EUR: 11,106,000 at scale 6.
        assertThat(send(1_234, "test.c.eur.receiver")).isInstanceOf(Fulfill.class);

        assertThat(available(a, "alice")).isEqualTo(2_000 - 1_234);
        assertThat(received(a, "b")).isEqualTo(1_234);
        assertThat(available(b, "a")).isEqualTo(1_500 - 1_234);
        assertThat(b.peering().assetLiquidityAccount(id(b, "USD")).creditsPosted()).isEqualTo(1_234);
        assertThat(b.peering().assetLiquidityAccount(id(b, "EUR")).available()).isEqualTo(50_000_000 - 11_106_000);
        assertThat(received(b, "c-eur")).isEqualTo(11_106_000);
        assertThat(available(c, "b-eur")).isEqualTo(20_000_000 - 11_106_000);
        assertThat(received(c, "eur-receiver")).isEqualTo(11_106_000);
        assertThat(received(b, "c")).isZero();
    }
}
