package org.kiungo.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reference {@code ilp-connector} (pinned in {@code js/package.json}) running in a {@code node js/ilp-connector.js}
 * child, configured by its {@code CONNECTOR_*} environment variables, with its admin API on a port of its own for
 * reading its routing table. Its output is echoed to stderr; {@link #close} closes its stdin (on which the script
 * exits) and kills it if it lingers, so no test leaves it running.
 */
final class JavaScriptConnector implements AutoCloseable {
    /** Node loading the connector and every plugin connecting. */
    private static final long READY_TIMEOUT_SECONDS = 60;
    private static final long EXIT_TIMEOUT_SECONDS = 5;
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final int adminPort;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final HttpClient admin = HttpClient.newBuilder().connectTimeout(ADMIN_TIMEOUT).build();

    private JavaScriptConnector(Process process, int adminPort) {
        this.process = process;
        this.adminPort = adminPort;
        Thread.ofVirtual().name("ilp-connector-output").start(this::echoOutput);
    }

    /** Starts the connector with {@code environment} added to ours and waits until it says it is ready. */
    static JavaScriptConnector start(Path js, Map<String, String> environment) throws Exception {
        int adminPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(JavaScriptCodec.onPath("node").orElseThrow().toString(),
                "ilp-connector.js").directory(js.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("CONNECTOR_ADMIN_API", "true");
        builder.environment().put("CONNECTOR_ADMIN_API_PORT", Integer.toString(adminPort));
        JavaScriptConnector connector = new JavaScriptConnector(builder.start(), adminPort);
        if (!connector.ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            connector.close();
            throw new IllegalStateException("ilp-connector did not become ready in " + READY_TIMEOUT_SECONDS + " s");
        }
        return connector;
    }

    /** A port free a moment ago, for the connector's plugins, which cannot pick their own. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The connector's routing table as its admin API shows it: prefix to {@code {nextHop, path, ...}}. */
    JsonNode localRoutingTable() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/routing"))
                .timeout(ADMIN_TIMEOUT).GET().build();
        return JavaScriptCodec.JSON.readTree(admin.send(request, BodyHandlers.ofString()).body())
                .path("localRoutingTable");
    }

    private void echoOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("ready")) {
                    ready.countDown();
                }
                System.err.println("[ilp-connector] " + line);
            }
        } catch (IOException e) {
            // The child has gone; close() reaps it.
        }
    }

    @Override
    public void close() {
        admin.close();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("interop: ilp-connector did not exit in " + EXIT_TIMEOUT_SECONDS + " s; killing");
            }
        } catch (IOException e) {
            // Already gone.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }
}
