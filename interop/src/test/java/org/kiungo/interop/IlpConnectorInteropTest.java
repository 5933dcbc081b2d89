package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.Account;
import org.kiungo.node.Config;
import org.kiungo.node.Node;
import org.kiungo.peering.CreatePeer;

/**
 * A Kiungo node and the reference JavaScript {@code ilp-connector} peered over ILP over HTTP ({@code ilp-plugin-http}
 * with static bearer tokens on the JavaScript side), both speaking CCP: each learns a route only the other
 * originates, and packets cross in both directions to fulfilling receivers, moving Kiungo's balances exactly; a
 * Reject coming back through the JavaScript connector voids Kiungo's reservation.
 *
 * <pre>
 * alice --(Kiungo)--> test.kiungo --> test.js --configured route test.faraway--> receiver (HTTP, this test)
 * sender --(JS)--> test.js --learned route test.kbob--> test.kiungo --> bob (in-process receiver)
 * </pre>
 */
class IlpConnectorInteropTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** CCP on both sides runs on intervals of half a second or less; this is ample. */
    private static final Duration ROUTES_TIMEOUT = Duration.ofSeconds(30);
    private static final long CREDIT = 1_000_000;
    private final Map<String, String> peerIds = new HashMap<>();

    @TempDir
    Path dataDir;
    private HttpServer receiver;
    private Node kiungo;
    private JavaScriptConnector js;
    private int jsSenderPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    static {
        Arrays.fill(FULFILLMENT, (byte) 9);
    }

    @BeforeEach
    void startBothNodes() throws Exception {
        Path packages;
        try {
            packages = JavaScriptCodec.installedPackages();
        } catch (JavaScriptCodec.Unavailable e) {
            System.err.println("interop test SKIPPED: " + e.getMessage());
            Assumptions.abort("interop test skipped: " + e.getMessage());
            return;
        }
        receiver = fulfillingReceiver();
        kiungo = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.kiungo", "CCP_BROADCAST_INTERVAL_MS",
                "200")));
        int jsPeerPort = JavaScriptConnector.freePort();
        jsSenderPort = JavaScriptConnector.freePort();
        String usd = kiungo.peering().createAsset("USD", 9).id().toString();
        peer(usd, "js", "test.js", "http://127.0.0.1:" + jsPeerPort + "/", "kiungo-to-js-token", "js-to-kiungo-token");
        peer(usd, "alice", "test.alice", "http://127.0.0.1:1", "unused", "alice-token");
        peer(usd, "bob", "test.kbob", "http://127.0.0.1:1", "unused", "unused-bob-token");
        kiungo.peering().attachLocalReceiver(peerIds.get("bob"), (peerId, prepare) -> fulfil(prepare));
        deposit("alice");
        deposit("js");
        js = JavaScriptConnector.start(packages, javaScriptConfiguration(jsPeerPort));
    }

    private void peer(String assetId, String name, String address, String endpoint, String outgoingToken,
                      String incomingToken) {
        peerIds.put(name, kiungo.peering().createPeer(new CreatePeer(assetId, address, Optional.of(name), endpoint,
                outgoingToken, List.of(incomingToken), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of())).id());
    }

    @AfterEach
    void stopBothNodes() {
        if (js != null) {
            js.close();
        }
        if (kiungo != null) {
            kiungo.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
        http.close();
    }

    @Test
    void shouldLearnRoutesBothWaysAndForwardPacketsBothWays() throws Exception {
        awaitJavaScriptRoute("test.kbob", "kiungo");
        // No static route names test.faraway: Kiungo can only reach it through what the JS connector told it.
        awaitFulfilledThroughKiungo("test.faraway.carol");

        assertThat(sendThroughKiungo(1_234, "test.faraway.carol")).isInstanceOf(Fulfill.class);
        assertThat(sendThroughJavaScript(567, "test.kbob.dave")).isInstanceOf(Fulfill.class);

        Account alice = kiungo.peering().peerAccount(peerIds.get("alice"));
        Account jsAccount = kiungo.peering().peerAccount(peerIds.get("js"));
        Account bob = kiungo.peering().peerAccount(peerIds.get("bob"));
        assertThat(alice.debitsPosted()).isEqualTo(1_234);
        assertThat(jsAccount.creditsPosted()).isEqualTo(CREDIT + 1_234);
        assertThat(jsAccount.debitsPosted()).isEqualTo(567);
        assertThat(bob.creditsPosted()).isEqualTo(567);
        assertThat(List.of(alice.debitsPending(), jsAccount.debitsPending(), bob.creditsPending()))
                .containsOnly(0L);
    }

    @Test
    void shouldVoidTheReservationWhenARejectComesBackThroughTheJavaScriptConnector() throws Exception {
        awaitFulfilledThroughKiungo("test.faraway.carol");
        Account aliceBefore = kiungo.peering().peerAccount(peerIds.get("alice"));
        Account jsBefore = kiungo.peering().peerAccount(peerIds.get("js"));

        Reply reply = send(URI.create("http://127.0.0.1:" + kiungo.connectorPort() + "/ilp"), "alice-token", 100,
                "test.faraway.carol", new byte[32]);

        assertThat(reply).isInstanceOfSatisfying(Reject.class, reject -> {
            assertThat(reject.code()).isEqualTo(ErrorCode.F99_APPLICATION_ERROR);
            assertThat(reject.triggeredBy()).isEqualTo("test.faraway.carol");
        });
        assertThat(kiungo.peering().peerAccount(peerIds.get("alice"))).isEqualTo(aliceBefore);
        assertThat(kiungo.peering().peerAccount(peerIds.get("js"))).isEqualTo(jsBefore);
    }

    private Map<String, String> javaScriptConfiguration(int jsPeerPort) {
        String kiungoUrl = "http://127.0.0.1:" + kiungo.connectorPort() + "/ilp";
        String receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/";
        return Map.of("CONNECTOR_ILP_ADDRESS", "test.js", "CONNECTOR_BACKEND", "one-to-one", "CONNECTOR_SPREAD", "0",
                "CONNECTOR_ROUTE_BROADCAST_INTERVAL", "500",
                "CONNECTOR_ROUTES", "[{\"targetPrefix\":\"test.faraway\",\"peerId\":\"receiver\"}]",
                "CONNECTOR_ACCOUNTS", "{\"kiungo\":" + account("peer", jsPeerPort, "kiungo-to-js-token", kiungoUrl,
                        "js-to-kiungo-token")
                        + ",\"receiver\":" + account("child", JavaScriptConnector.freePort(), "unused-in-token",
                        receiverUrl, "js-to-receiver-token")
                        + ",\"sender\":" + account("child", jsSenderPort, "sender-token", "http://127.0.0.1:9/",
                        "unused-out-token") + "}");
    }

    private static String account(String relation, int port, String incomingToken, String url, String outgoingToken) {
        return "{\"relation\":\"" + relation + "\",\"plugin\":\"ilp-plugin-http\",\"assetCode\":\"USD\","
                + "\"assetScale\":9,\"options\":{\"incoming\":{\"port\":" + port + ",\"staticToken\":\""
                + incomingToken + "\"},\"outgoing\":{\"url\":\"" + url + "\",\"staticToken\":\"" + outgoingToken
                + "\"}}}";
    }

    private void awaitJavaScriptRoute(String prefix, String nextHop) throws Exception {
        Instant deadline = Instant.now().plus(ROUTES_TIMEOUT);
        JsonNode table = js.localRoutingTable();
        while (!table.path(prefix).path("nextHop").asText().equals(nextHop) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            table = js.localRoutingTable();
        }
        assertThat(table.path(prefix).path("nextHop").asText()).as("the JS connector's route to %s in %s", prefix,
                table).isEqualTo(nextHop);
    }

    /** Zero-amount packets move no money, so polling with them leaves the balances untouched. */
    private void awaitFulfilledThroughKiungo(String destination) throws Exception {
        Instant deadline = Instant.now().plus(ROUTES_TIMEOUT);
        Reply reply = sendThroughKiungo(0, destination);
        while (!(reply instanceof Fulfill) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            reply = sendThroughKiungo(0, destination);
        }
        assertThat(reply).as("a packet to %s through Kiungo once routes are exchanged", destination)
                .isInstanceOf(Fulfill.class);
    }

    private Reply sendThroughKiungo(long amount, String destination) throws Exception {
        return send(URI.create("http://127.0.0.1:" + kiungo.connectorPort() + "/ilp"), "alice-token", amount,
                destination, condition());
    }

    private Reply sendThroughJavaScript(long amount, String destination) throws Exception {
        return send(URI.create("http://127.0.0.1:" + jsSenderPort + "/"), "sender-token", amount, destination,
                condition());
    }

    private Reply send(URI endpoint, String token, long amount, String destination, byte[] condition)
            throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), condition, IlpAddress.of(destination),
                new byte[0]);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(http.send(request, BodyHandlers.ofByteArray()).body());
    }

    private void deposit(String name) {
        kiungo.peering().depositPeerLiquidity(peerIds.get(name), UUID.randomUUID(), CREDIT);
    }

    private static Reply fulfil(Prepare prepare) {
        return Arrays.equals(prepare.executionCondition(), condition()) ? new Fulfill(FULFILLMENT.clone(), new byte[0])
                : Reject.of(ErrorCode.F99_APPLICATION_ERROR, prepare.destination(), "unknown condition");
    }

    private static byte[] condition() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(FULFILLMENT);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The receiver behind the JS connector: fulfils every Prepare with this test's condition, over HTTP. */
    private static HttpServer fulfillingReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", IlpConnectorInteropTest::receive);
        server.start();
        return server;
    }

    private static void receive(HttpExchange exchange) throws IOException {
        byte[] reply;
        try (InputStream in = exchange.getRequestBody()) {
            reply = IlpCodec.encode(fulfil(IlpCodec.decodePrepare(in.readNBytes(64 * 1024))));
        } catch (DecodingException e) {
            reply = IlpCodec.encode(Reject.of(ErrorCode.F01_INVALID_PACKET, IlpAddress.of("test.faraway"),
                    "not a Prepare"));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }
}
