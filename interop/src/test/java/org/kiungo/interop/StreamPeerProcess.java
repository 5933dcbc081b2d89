package org.kiungo.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code node js/stream-peer.js} child: a JavaScript ilp-protocol-stream client or server linked to a Kiungo
 * node. Its stdout lines are JSON objects, read ahead into a bounded queue; every wait is bounded and
 * {@link #close} always ends the child.
 */
final class StreamPeerProcess implements AutoCloseable {
    /** Lines read ahead of the test. */
    private static final int LINES_QUEUED_MAX = 1_024;
    private static final String END_OF_OUTPUT = "";

    private final Process process;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(LINES_QUEUED_MAX);

    private StreamPeerProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().name("stream-peer-stdout").start(this::read);
    }

    /** Starts the script with {@code args}; throws {@link JavaScriptCodec.Unavailable} where node cannot run. */
    static StreamPeerProcess start(String... args) throws JavaScriptCodec.Unavailable {
        List<String> command = new ArrayList<>(List.of(JavaScriptCodec.node().toString(), "stream-peer.js"));
        command.addAll(List.of(args));
        try {
            return new StreamPeerProcess(new ProcessBuilder(command).directory(JavaScriptCodec.directory().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start stream-peer.js", e);
        }
    }

    /** The next output object that matches {@code wanted}, skipping others; fails after {@code timeoutSeconds}. */
    JsonNode await(Predicate<JsonNode> wanted, long timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT)) {
                throw new AssertionError("stream-peer.js gave no expected output within " + timeoutSeconds + " s"
                        + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
            }
            JsonNode value = JavaScriptCodec.JSON.readTree(line);
            if (wanted.test(value)) {
                return value;
            }
        }
    }

    /** Writes one line to the child's stdin. */
    void send(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !lines.offer(line)) {
                    break;
                }
            }
        } catch (IOException e) {
            // The child is gone: the end marker below tells the waiting test.
        }
        lines.offer(END_OF_OUTPUT);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
