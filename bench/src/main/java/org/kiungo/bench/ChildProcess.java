package org.kiungo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A middle node running as a child process: its output is watched for the line that says it is ready and then
 * echoed to stderr with a prefix; closing it closes the child's stdin (which both kinds of child take as the
 * signal to stop), waits a little, and then kills it, so a benchmark never leaves a process behind.
 */
final class ChildProcess implements AutoCloseable {
    private static final long EXIT_TIMEOUT_SECONDS = 15;
    private static final int LINES_QUEUED_MAX = 1_024;
    /** Queued once the child's output ends; compared by identity. */
    private static final String EXITED = new String("exited");

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(LINES_QUEUED_MAX);
    private volatile boolean echo;

    private ChildProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofPlatform().daemon().name(name + "-output").start(this::readOutput);
    }

    static ChildProcess start(String name, ProcessBuilder builder) throws IOException {
        return new ChildProcess(name, builder.redirectErrorStream(true).start());
    }

    /** The first output line that {@code ready} accepts; fails when the child exits or is silent too long. */
    String awaitLine(Predicate<String> ready, long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                close();
                throw new IllegalStateException(name + " did not become ready within " + timeoutSeconds + " s");
            }
            if (line == EXITED) {
                throw new IllegalStateException(name + " exited before it was ready");
            }
            if (ready.test(line)) {
                echo = true;
                lines.forEach(this::print);
                lines.clear();
                return line;
            }
            print(line);
        }
    }

    /** CPU time the child has used so far, in nanoseconds (clock-tick resolution), or -1 when unknown. */
    long cpuNanos() {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (echo || !lines.offer(line)) {
                    print(line);
                }
            }
        } catch (IOException e) {
            // The child has gone; its exit is noticed where it matters.
        }
        lines.offer(EXITED);
    }

    private void print(String line) {
        System.err.println("[" + name + "] " + line);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
