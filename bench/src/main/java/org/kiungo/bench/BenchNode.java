package org.kiungo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.connector.Asset;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.node.Config;
import org.kiungo.node.Node;
import org.kiungo.peering.CreatePeer;

/**
 * The middle node of the forwarding benchmark, run in a JVM of its own (as the JavaScript connector runs in a
 * process of its own): a Kiungo node with two peers, {@code sender} (which pays through us, with a large credit)
 * and {@code sink} (reached over HTTP/1.1), and the route to the sink by its static address. Prints
 * {@code port=<connector port>} once it listens and stops when its stdin closes. Run as
 * {@code BenchNode embedded <sink port>} (a real {@link Node} with the embedded journaled ledger) or
 * {@code BenchNode postgres <sink port> <database url>} (the same node with {@code DATABASE_URL} naming a schema
 * of its own in that database, dropped when it stops).
 */
public final class BenchNode {
    static final String READY_PREFIX = "port=";
    /** The benchmark's asset: scale 9, so amount 1 per packet is a realistic STREAM-sized unit. */
    static final Asset ASSET = new Asset("USD", 9, 1);

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BenchNode embedded|postgres <sink port> [database url]");
        }
        URI sink = URI.create("http://127.0.0.1:" + Integer.parseInt(args[1]) + "/ilp");
        switch (args[0]) {
            case "embedded" -> run(sink, Map.of());
            case "postgres" -> {
                if (args.length < 3) {
                    throw new IllegalArgumentException("the postgres engine needs a database URL");
                }
                try (BenchSchema schema = BenchSchema.create(DatabaseUrl.parse(args[2]))) {
                    run(sink, Map.of("DATABASE_URL", schema.databaseUrl(args[2])));
                }
            }
            default -> throw new IllegalArgumentException("engine must be embedded or postgres: " + args[0]);
        }
    }

    /** Runs a node with {@code environment} added to the benchmark's own, until stdin closes. */
    private static void run(URI sink, Map<String, String> environment) throws Exception {
        Path dataDir = Files.createTempDirectory("kiungo-bench-node");
        Map<String, String> variables = new HashMap<>(environment);
        variables.putAll(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT", "0",
                "SPSP_PORT", "0", "ILP_ADDRESS", BenchPackets.NODE_ADDRESS));
        try (Node node = Node.start(Config.load(variables))) {
            // Created as an operator would, so route exchange stays on; the sink simply fulfils CCP's requests.
            String asset = node.peering().createAsset(ASSET.code(), ASSET.scale()).id().toString();
            String sender = node.peering().createPeer(new CreatePeer(asset, BenchPackets.SENDER_ADDRESS,
                    Optional.of("sender"), "http://127.0.0.1:1", "unused", List.of(BenchPackets.SENDER_TOKEN),
                    OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of())).id();
            node.peering().createPeer(new CreatePeer(asset, BenchPackets.SINK_ADDRESS, Optional.of("sink"),
                    sink.toString(), BenchPackets.SINK_TOKEN, List.of("unused-sink-token"), OptionalLong.empty(),
                    OptionalLong.empty(), OptionalLong.empty(), List.of()));
            node.peering().depositPeerLiquidity(sender, UUID.randomUUID(), BenchPackets.SENDER_CREDIT);
            serveUntilStdinCloses(node.connectorPort());
        } finally {
            LedgerThroughput.deleteRecursively(dataDir);
        }
    }

    static void serveUntilStdinCloses(int port) throws IOException {
        System.out.println(READY_PREFIX + port);
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // Nothing is expected on stdin; its end is the signal to stop.
        }
    }
}
