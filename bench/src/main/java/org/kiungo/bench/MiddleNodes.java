package org.kiungo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Starts the middle node of a forwarding run as a child process: Kiungo ({@link BenchNode} in a JVM of its own,
 * with the embedded or the PostgreSQL ledger) or the JavaScript reference {@code ilp-connector} with
 * {@code ilp-plugin-http} links (from {@code interop/js}). Each is a separate process so that neither shares a
 * heap, a garbage collector or an event loop with the load generator and the sink, which run in the benchmark's
 * JVM for every middle node alike.
 */
final class MiddleNodes {
    private static final long START_TIMEOUT_SECONDS = 120;
    /** Packets per second (and burst) the JavaScript connector allows each account: far above any run. */
    private static final long RATE_LIMIT = 1_000_000_000;

    private MiddleNodes() {
    }

    /** A running middle node: where the sender reaches it, and the process to close. */
    record Middle(URI endpoint, ChildProcess process) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    static Middle start(String kind, int sinkPort, String databaseUrl, Path jsDirectory, String nodeJvmArgs)
            throws IOException, InterruptedException {
        return switch (kind) {
            case "embedded", "postgres" -> kiungo(kind, sinkPort, databaseUrl, nodeJvmArgs);
            case "js" -> javaScript(sinkPort, jsDirectory);
            default -> throw new IllegalArgumentException("a middle node is embedded, postgres or js: " + kind);
        };
    }

    private static Middle kiungo(String engine, int sinkPort, String databaseUrl, String nodeJvmArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        Arrays.stream(nodeJvmArgs.trim().split("\\s+")).filter(arg -> !arg.isEmpty()).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchNode.class.getName(), engine,
                Integer.toString(sinkPort), databaseUrl));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LOG_LEVEL", "warn");
        ChildProcess process = ChildProcess.start("kiungo-" + engine, builder);
        String ready = process.awaitLine(line -> line.startsWith(BenchNode.READY_PREFIX), START_TIMEOUT_SECONDS);
        int port = Integer.parseInt(ready.substring(BenchNode.READY_PREFIX.length()).strip());
        return new Middle(URI.create("http://127.0.0.1:" + port + "/ilp"), process);
    }

    private static Middle javaScript(int sinkPort, Path jsDirectory) throws IOException, InterruptedException {
        Path script = jsDirectory.resolve("ilp-connector.js");
        if (!Files.isDirectory(jsDirectory.resolve("node_modules")) || !Files.exists(script)) {
            throw new IllegalStateException("run `npm ci --prefix " + jsDirectory + "` first (no node_modules or "
                    + script + ")");
        }
        int senderPort = freePort();
        int sinkSidePort = freePort();
        ProcessBuilder builder = new ProcessBuilder("node", script.getFileName().toString())
                .directory(jsDirectory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("CONNECTOR_ILP_ADDRESS", BenchPackets.NODE_ADDRESS);
        environment.put("CONNECTOR_BACKEND", "one-to-one");
        environment.put("CONNECTOR_SPREAD", "0");
        // Route broadcasting stays on: with it off, this version never loads its configured routes. The accounts
        // exchange no routes (sendRoutes and receiveRoutes are false), so it costs nothing on the packet path.
        environment.put("CONNECTOR_ROUTES", "[{\"targetPrefix\":\"" + BenchPackets.SINK_ADDRESS
                + "\",\"peerId\":\"sink\"}]");
        environment.put("CONNECTOR_ACCOUNTS", "{\"sender\":" + account(senderPort, BenchPackets.SENDER_TOKEN,
                "http://127.0.0.1:9/unused", "unused-outgoing-token") + ",\"sink\":" + account(sinkSidePort,
                "unused-incoming-token", "http://127.0.0.1:" + sinkPort + "/ilp", BenchPackets.SINK_TOKEN) + "}");
        ChildProcess process = ChildProcess.start("ilp-connector", builder);
        process.awaitLine("ready"::equals, START_TIMEOUT_SECONDS);
        return new Middle(URI.create("http://127.0.0.1:" + senderPort + "/"), process);
    }

    /**
     * An ilp-plugin-http account with in-memory balance tracking (the reference connector's accounting) and no
     * route exchange; the balance and rate limits (the latter 10,000 packets a minute by default) are wide enough
     * that no run reaches them, while their middlewares still run, as Kiungo's steps do.
     */
    private static String account(int incomingPort, String incomingToken, String outgoingUrl, String outgoingToken) {
        return "{\"relation\":\"peer\",\"plugin\":\"ilp-plugin-http\",\"assetCode\":\"" + BenchNode.ASSET.code()
                + "\",\"assetScale\":" + BenchNode.ASSET.scale() + ",\"sendRoutes\":false,\"receiveRoutes\":false,"
                + "\"balance\":{\"minimum\":\"-" + BenchPackets.SENDER_CREDIT + "\",\"maximum\":\""
                + BenchPackets.SENDER_CREDIT + "\"},\"rateLimit\":{\"refillPeriod\":1000,\"refillCount\":"
                + RATE_LIMIT + ",\"capacity\":" + RATE_LIMIT + "},\"options\":{\"incoming\":{\"port\":" + incomingPort
                + ",\"staticToken\":\"" + incomingToken + "\"},\"outgoing\":{\"url\":\"" + outgoingUrl
                + "\",\"staticToken\":\"" + outgoingToken + "\"}}}";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
