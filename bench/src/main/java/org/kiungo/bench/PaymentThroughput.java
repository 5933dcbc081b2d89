package org.kiungo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kiungo.connector.StaticRates;
import org.kiungo.node.Config;
import org.kiungo.node.Node;
import org.kiungo.peering.AssetRecord;
import org.kiungo.peering.CreatePeer;
import org.kiungo.peering.WalletAddressRecord;

/**
 * STREAM payments per second through one connector: wallets on node A pay a wallet on node C through node B, three
 * real nodes in this process linked by ILP over HTTP, with B accepting at most {@value #PACKET} units per packet from
 * A, so the sender learns the packet size from F08 as on a real path. Each payment is a {@code createPayment} on A's
 * admin API. Prints packets/s and amount/s for one payment of {@value #ONE_PAYMENT} units, then for
 * {@value #CONCURRENT} concurrent payments of {@value #EACH} units. Run with
 * {@code java -cp bench/target/benchmarks.jar org.kiungo.bench.PaymentThroughput}.
 */
public final class PaymentThroughput {
    private static final long PACKET = 1_000;
    private static final long ONE_PAYMENT = 1_000_000;
    private static final int CONCURRENT = 100;
    private static final long EACH = 100_000;
    private static final long CREDIT = 1_000_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAY = "mutation($input: CreatePaymentInput!) { createPayment(input: $input) { "
            + "payment { sentAmount deliveredAmount packetsFulfilled completed detail } } }";

    private PaymentThroughput() {
    }

    public static void main(String[] args) throws Exception {
        List<Node> nodes = new ArrayList<>();
        try (HttpClient http = HttpClient.newHttpClient()) {
            Node a = start(nodes, "test.a");
            Node b = start(nodes, "test.b");
            Node c = start(nodes, "test.c");
            AssetRecord usdA = usd(a);
            AssetRecord usdB = usd(b);
            AssetRecord usdC = usd(c);
            peer(a, usdA, "test.b", b, OptionalLong.empty(), 0, List.of("test.c"));
            peer(b, usdB, "test.a", a, OptionalLong.of(PACKET), CREDIT, List.of());
            peer(b, usdB, "test.c", c, OptionalLong.empty(), 0, List.of());
            peer(c, usdC, "test.b", b, OptionalLong.empty(), CREDIT, List.of());
            c.services().wallets().create(usdC.id().toString(), "$c.example/bob", Optional.empty());
            String receiver = "http://127.0.0.1:" + c.spspPort() + "/bob";
            List<WalletAddressRecord> senders = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                WalletAddressRecord wallet = a.services().wallets().create(usdA.id().toString(),
                        "$a.example/sender" + i, Optional.empty());
                a.services().wallets().deposit(wallet.id().toString(), UUID.randomUUID(), 10 * ONE_PAYMENT);
                senders.add(wallet);
            }
            pay(http, a, senders.get(0), receiver, PACKET * 20);
            measure("one payment of " + ONE_PAYMENT, List.of(senders.get(0)), http, a, receiver, ONE_PAYMENT);
            measure(CONCURRENT + " concurrent payments of " + EACH, senders, http, a, receiver, EACH);
        } finally {
            nodes.forEach(Node::close);
        }
    }

    private static void measure(String what, List<WalletAddressRecord> senders, HttpClient http, Node a,
                                String receiver, long amount) throws Exception {
        long started = System.nanoTime();
        long packets = 0;
        long delivered = 0;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonNode>> payments = new ArrayList<>();
            for (WalletAddressRecord sender : senders) {
                payments.add(threads.submit(() -> pay(http, a, sender, receiver, amount)));
            }
            for (Future<JsonNode> payment : payments) {
                JsonNode result = payment.get();
                if (!result.path("completed").asBoolean()) {
                    throw new IllegalStateException("a payment stopped short: " + result);
                }
                packets += result.path("packetsFulfilled").asLong();
                delivered += result.path("deliveredAmount").asLong();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s: %,d packets of %,d in %.2f s: %,.0f packets/s, %,.0f units/s%n", what, packets,
                PACKET, seconds, packets / seconds, delivered / seconds);
    }

    private static JsonNode pay(HttpClient http, Node a, WalletAddressRecord from, String receiver, long amount)
            throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", PAY, "variables", Map.of("input", Map.of(
                "walletAddressId", from.id().toString(), "receiver", receiver, "amount", Long.toString(amount)))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.adminPort() + "/graphql"))
                .timeout(Duration.ofMinutes(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        JsonNode answer = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (answer.has("errors")) {
            throw new IllegalStateException("createPayment failed: " + answer.get("errors"));
        }
        return answer.path("data").path("createPayment").path("payment");
    }

    private static Node start(List<Node> nodes, String address) throws Exception {
        Path directory = Files.createTempDirectory("kiungo-payment-bench");
        Node node = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", directory.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", address, "LOG_LEVEL", "warn")),
                new StaticRates("USD", Map.of("USD", BigDecimal.ONE)));
        nodes.add(node);
        return node;
    }

    private static AssetRecord usd(Node node) {
        return node.services().assets().create("USD", 2, OptionalLong.empty(), OptionalLong.empty());
    }

    private static void peer(Node node, AssetRecord asset, String address, Node to, OptionalLong maxPacket,
                             long liquidity, List<String> routes) {
        String us = node.ilpAddress().value();
        node.services().peers().create(new CreatePeer(asset.id().toString(), address, Optional.empty(),
                "http://127.0.0.1:" + to.connectorPort() + "/ilp", us + "-to-" + address,
                List.of(address + "-to-" + us), maxPacket, OptionalLong.empty(), OptionalLong.of(liquidity), routes));
    }
}
