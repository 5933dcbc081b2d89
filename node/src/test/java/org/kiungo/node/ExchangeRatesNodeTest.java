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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
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
import org.kiungo.ledger.Account;
import org.kiungo.peering.CreatePeer;

/**
 * A node configured with EXCHANGE_RATES_URL and a spread, pricing a USD packet to a EUR receiver from a real rates
 * service on a free port: the sender posts over HTTP, the receiver is in-process, balances are read from the ledger.
 */
class ExchangeRatesNodeTest {
    private static final byte[] FULFILLMENT = new byte[32];
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static {
        FULFILLMENT[0] = 9;
    }

    private final HttpClient alice = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final AtomicInteger ratesStatus = new AtomicInteger(200);
    private final AtomicInteger ratesRequests = new AtomicInteger();
    private final AtomicLong receivedAmount = new AtomicLong();
    private Server rates;
    private final Map<String, String> peerIds = new HashMap<>();
    private Node node;

    @BeforeEach
    void start() throws Exception {
        rates = new Server();
        ServerConnector connector = new ServerConnector(rates);
        rates.addConnector(connector);
        rates.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                ratesRequests.incrementAndGet();
                String base = Request.extractQueryParameters(request).getValue("base");
                response.setStatus(ratesStatus.get());
                Content.Sink.write(response, true, "{\"base\":\"" + base + "\",\"rates\":{\"EUR\":0.9}}", callback);
                return true;
            }
        });
        rates.start();
    }

    private void startNode(Path dataDir, Map<String, String> extra) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of("KIUNGO_DATA_DIR", dataDir.toString(),
                "CONNECTOR_PORT", "0", "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.b"));
        environment.putAll(extra);
        node = Node.start(Config.load(environment));
        String usd = node.peering().createAsset("USD", 2).id().toString();
        String eur = node.peering().createAsset("EUR", 6).id().toString();
        String alice = peer(usd, "test.b.alice", "alice-token");
        String receiver = peer(eur, "test.b.receiver", "receiver-token");
        peerIds.put("alice", alice);
        peerIds.put("receiver", receiver);
        node.peering().attachLocalReceiver(receiver, (from, prepare) -> {
            receivedAmount.set(prepare.amount());
            return new Fulfill(FULFILLMENT.clone(), new byte[0]);
        });
        node.peering().depositPeerLiquidity(alice, UUID.randomUUID(), 10_000);
        node.peering().depositAssetLiquidity(eur, UUID.randomUUID(), 100_000_000);
    }

    /** A peer reached in-process, so its endpoint is never called. */
    private String peer(String assetId, String address, String incomingToken) {
        return node.peering().createPeer(new CreatePeer(assetId, address, Optional.empty(), "http://127.0.0.1:1",
                "unused", List.of(incomingToken), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
                List.of())).id();
    }

    private Account account(String name) {
        return node.peering().peerAccount(peerIds.get(name));
    }

    private URI ratesUrl() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) rates.getConnectors()[0]).getLocalPort()
                + "/rates");
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        rates.stop();
        alice.close();
    }

    private Reply send(long amount) throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), Conditions.of(FULFILLMENT),
                IlpAddress.of("test.b.receiver"), new byte[0]);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer alice-token")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return IlpCodec.decodeReply(alice.send(request, BodyHandlers.ofByteArray()).body());
    }

    @Test
    void shouldPriceACrossAssetPacketFromTheRatesServiceLessTheSpread(@TempDir Path dataDir) throws Exception {
        startNode(dataDir, Map.of("EXCHANGE_RATES_URL", ratesUrl().toString(), "EXCHANGE_RATES_SPREAD_BPS", "20"));

        // $12.34 at 0.9 EUR per USD, less 0.2 %, is 11.083788 EUR: 11,083,788 at scale 6, exactly.
        assertThat(send(1_234)).isInstanceOf(Fulfill.class);
        assertThat(send(1_234)).isInstanceOf(Fulfill.class);

        assertThat(receivedAmount.get()).isEqualTo(11_083_788);
        assertThat(account("receiver").creditsPosted()).isEqualTo(2 * 11_083_788);
        assertThat(account("alice").available()).isEqualTo(BigInteger.valueOf(10_000 - 2 * 1_234));
        assertThat(ratesRequests.get()).isEqualTo(1);
    }

    @Test
    void shouldRejectWithF07AndMoveNothingWhenTheRatesServiceFails(@TempDir Path dataDir) throws Exception {
        ratesStatus.set(500);
        startNode(dataDir, Map.of("EXCHANGE_RATES_URL", ratesUrl().toString()));

        Reply reply = send(1_234);

        assertThat(reply).isInstanceOf(Reject.class);
        assertThat(((Reject) reply).code()).isEqualTo(ErrorCode.F07_CANNOT_RECEIVE);
        assertThat(((Reject) reply).triggeredBy()).isEqualTo("test.b");
        assertThat(account("alice").available()).isEqualTo(BigInteger.valueOf(10_000));
        assertThat(receivedAmount.get()).isZero();
    }

    @Test
    void shouldPriceFromAStaticTableWithoutARatesService(@TempDir Path dataDir) throws Exception {
        startNode(dataDir, Map.of("EXCHANGE_RATES_STATIC", "{\"base\":\"EUR\",\"rates\":{\"USD\":1.125}}"));

        // 1 EUR buys 1.125 USD, so $12.34 buys 12.34 / 1.125 = 10.968888... EUR: 10,968,888 at scale 6, rounded down.
        assertThat(send(1_234)).isInstanceOf(Fulfill.class);

        assertThat(receivedAmount.get()).isEqualTo(10_968_888);
        assertThat(ratesRequests.get()).isZero();
    }
}
