package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.codec.ilp.Conditions;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * A real node with WEBHOOK_URL and SIGNATURE_SECRET: packets over ILP-over-HTTP take a peer's liquidity below its
 * threshold, and a real HTTP receiver, which answers 500 and then 200, gets that one event twice (the retry) and
 * nothing more while the liquidity stays below.
 */
class NodeWebhooksTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than a retry after the first back-off can take; a lost event shows as a timeout, never a slow pass. */
    private static final Duration WAIT_MAX = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "node-webhook-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    @TempDir
    Path dataDir;
    private HttpServer receiver;
    private Node node;

    static {
        FULFILLMENT[31] = 7;
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        if (receiver != null) {
            receiver.stop();
        }
        http.close();
    }

    @Test
    void shouldSendOneSignedEventWhenPacketsCrossAThresholdAndRetryItAfterA500() throws Exception {
        receiver = HttpServer.start("webhook-receiver", "127.0.0.1", 0, new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                received.add(new String[] {request.getHeaders().get("Rafiki-Signature"),
                        Content.Source.asString(request, StandardCharsets.UTF_8)});
                response.setStatus(answered.getAndIncrement() == 0 ? 500 : 200);
                response.write(true, null, callback);
                return true;
            }
        }, false);
        node = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.node", "SIGNATURE_SECRET", SECRET,
                "WEBHOOK_URL", "http://127.0.0.1:" + receiver.port() + "/hooks")));
        String asset = (String) field(field(graphql("mutation { createAsset(input: {code: \"USD\", scale: 2}) "
                + "{ asset { id } } }"), "createAsset"), "asset").get("id");
        String alice = createPeer(asset, "test.node.alice", "alice-token", ", liquidityThreshold: 800, "
                + "initialLiquidity: 1000");
        String bob = createPeer(asset, "test.node.bob", "bob-token", "");
        node.peering().attachLocalReceiver(bob, (from, prepare) -> new Fulfill(FULFILLMENT.clone(), new byte[0]));

        assertThat(send(100)).isInstanceOf(Fulfill.class);
        assertThat(send(150)).isInstanceOf(Fulfill.class);
        awaitTrue(() -> received.size() >= 1);
        assertThat(send(50)).as("still below: no new event").isInstanceOf(Fulfill.class);

        awaitTrue(() -> received.size() >= 2);
        assertThat(received.get(0)[1]).isEqualTo(received.get(1)[1]);
        Map<String, Object> body = JSON.readValue(received.get(0)[1], JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
        assertThat(body.get("type")).isEqualTo("peer.liquidity_low");
        assertThat(field(body, "data")).containsEntry("id", alice).containsEntry("liquidityThreshold", "800")
                .containsEntry("balance", "750");
        String[] signature = received.get(1)[0].split(", v1=");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(signature[1]).isEqualTo(HexFormat.of().formatHex(mac.doFinal((signature[0].substring(2) + "."
                + received.get(1)[1]).getBytes(StandardCharsets.UTF_8))));
        awaitTrue(() -> events().contains("DELIVERED"));
        assertThat(events()).contains("\"attempts\":2", "\"lastStatus\":200");
        assertThat(send(50)).isInstanceOf(Fulfill.class);
        // A marker: an asset created below its threshold raises an event in the next round, which therefore also
        // saw Alice at 650, still below hers.
        graphql("mutation { createAsset(input: {code: \"EUR\", scale: 2, liquidityThreshold: 10}) { success } }");
        awaitTrue(() -> events().contains("asset.liquidity_low"));
        assertThat(events().split("peer.liquidity_low", -1)).as("one peer event only").hasSize(2);
        awaitTrue(() -> received.size() == 3);
        assertThat(received).extracting(r -> r[1]).filteredOn(b -> b.contains("peer.liquidity_low")).hasSize(2);
    }

    private String createPeer(String asset, String address, String token, String more) throws Exception {
        return (String) field(field(graphql("mutation { createPeer(input: {assetId: \"" + asset + "\", "
                + "staticIlpAddress: \"" + address + "\", http: {incoming: {authTokens: [\"" + token + "\"]}, "
                + "outgoing: {authToken: \"out\", endpoint: \"http://127.0.0.1:1\"}}" + more + "}) "
                + "{ peer { id } } }"), "createPeer"), "peer").get("id");
    }

    private Reply send(long amount) throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), Conditions.of(FULFILLMENT),
                IlpAddress.of("test.node.bob"), new byte[0]);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(http.send(request, BodyHandlers.ofByteArray()).body());
    }

    private String events() {
        try {
            return JSON.writeValueAsString(Map.of("data", graphql("{ webhookEvents { edges { node { id type data "
                    + "state attempts lastStatus } } } }")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> graphql(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/graphql"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("query", query)))).build();
        Map<String, Object> answer = JSON.readValue(http.send(request, BodyHandlers.ofByteArray()).body(), Map.class);
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) answer.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> field(Map<String, Object> map, String name) {
        return (Map<String, Object>) map.get(name);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT_MAX);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited too long").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
