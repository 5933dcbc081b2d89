package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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
import org.kiungo.node.Config;
import org.kiungo.node.Node;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.PeerRecord;
import org.kiungo.peering.WalletAddressRecord;

/**
 * STREAM payments between a running Kiungo node and the JavaScript {@code ilp-protocol-stream} (the version pinned in
 * {@code js/package-lock.json}), linked over ILP-over-HTTP: the JavaScript client pays a Kiungo wallet's SPSP
 * endpoint and verifies its receipt, and Kiungo's sender pays a JavaScript STREAM server. Skipped, with the reason,
 * where {@code node} cannot run.
 */
class StreamPaymentInteropTest {
    private static final long TIMEOUT_SECONDS = 60;
    private final HttpClient http = HttpClient.newHttpClient();
    private Node node;
    private AssetRecord usd;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        try {
            JavaScriptCodec.node();
        } catch (JavaScriptCodec.Unavailable e) {
            System.err.println("interop test SKIPPED: " + e.getMessage());
            Assumptions.abort("interop test skipped: " + e.getMessage());
        }
        node = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.k")));
        usd = node.services().assets().create("USD", 2, OptionalLong.empty(), OptionalLong.empty());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
        http.close();
    }

    private PeerRecord peer(String address, String endpoint, String incomingToken, long liquidity) {
        return node.services().peers().create(new CreatePeer(usd.id().toString(), address, Optional.empty(),
                endpoint, "kiungo-to-js", List.of(incomingToken), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(liquidity), List.of()));
    }

    private String connectorUrl() {
        return "http://127.0.0.1:" + node.connectorPort() + "/ilp";
    }

    @Test
    void shouldBePaidByTheJavaScriptClientWithAReceiptItVerifies() throws Exception {
        WalletAddressRecord bob = node.services().wallets().create(usd.id().toString(), "$k.example/bob",
                Optional.empty());
        PeerRecord client = peer("test.k.jsclient", "http://127.0.0.1:1/ilp", "js-client-token", 10_000);

        JsonNode paid;
        try (StreamPeerProcess js = StreamPeerProcess.start("client", connectorUrl(), "js-client-token",
                "http://127.0.0.1:" + node.spspPort() + "/bob", "1234")) {
            paid = js.await(line -> line.has("sent"), TIMEOUT_SECONDS);
        }

        assertThat(paid.get("sent").asText()).isEqualTo("1234");
        assertThat(paid.get("delivered").asText()).isEqualTo("1234");
        assertThat(paid.get("receiptTotal").asText()).isEqualTo("1234");
        assertThat(node.services().wallets().account(bob).creditsPosted()).isEqualTo(1234);
        assertThat(node.services().peers().liquidity(client)).isEqualTo(10_000 - 1234);
    }

    @Test
    void shouldPayAJavaScriptStreamServer() throws Exception {
        WalletAddressRecord alice = node.services().wallets().create(usd.id().toString(), "$k.example/alice",
                Optional.empty());
        node.services().wallets().deposit(alice.id().toString(), UUID.randomUUID(), 10_000);

        try (StreamPeerProcess js = StreamPeerProcess.start("server", connectorUrl(), "js-server-token")) {
            int port = js.await(line -> line.has("port"), TIMEOUT_SECONDS).get("port").asInt();
            PeerRecord server = peer("test.k.jsserver", "http://127.0.0.1:" + port + "/", "js-server-token", 0);
            js.send("peered");
            js.await(line -> line.has("ready"), TIMEOUT_SECONDS);

            JsonNode payment = createPayment(alice, "http://127.0.0.1:" + port + "/", 2_500);

            assertThat(payment.get("completed").asBoolean()).as("%s", payment).isTrue();
            assertThat(payment.get("sentAmount").asText()).isEqualTo("2500");
            assertThat(payment.get("deliveredAmount").asText()).isEqualTo("2500");
            js.await(line -> line.path("received").asText().equals("2500"), TIMEOUT_SECONDS);
            assertThat(node.services().wallets().account(alice).debitsPosted()).isEqualTo(2_500);
            assertThat(node.ledger().lookupAccount(server.liquidityAccountId()).orElseThrow().creditsPosted())
                    .isEqualTo(2_500);
        }
    }

    private JsonNode createPayment(WalletAddressRecord from, String receiver, long amount) throws Exception {
        String query = "mutation($input: CreatePaymentInput!) { createPayment(input: $input) { payment { "
                + "sentAmount deliveredAmount completed stopReason detail } } }";
        byte[] body = JavaScriptCodec.JSON.writeValueAsBytes(Map.of("query", query, "variables", Map.of("input",
                Map.of("walletAddressId", from.id().toString(), "receiver", receiver, "amount",
                        Long.toString(amount)))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort()
                + "/graphql")).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        JsonNode answer = JavaScriptCodec.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(answer.has("errors")).as("%s", answer).isFalse();
        return answer.path("data").path("createPayment").path("payment");
    }
}
