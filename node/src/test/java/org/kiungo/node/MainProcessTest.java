package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line in a child JVM, stopped by a real SIGTERM. */
class MainProcessTest {
    /** Readiness only: how long a child JVM may take to start or stop on a slow, busy machine. */
    private static final Duration READY_WAIT_MAX = Duration.ofSeconds(60);
    private static final Pattern ADMIN_LISTENING = Pattern.compile("admin listening on http://[^:]+:(\\d+)");

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;

    @AfterEach
    void killChild() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldServeHealthzAndStopCleanlyOnSigterm(@TempDir Path dataDir) throws Exception {
        process = start(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT", "0",
                "SPSP_PORT", "0"),
                "run");
        int adminPort = Integer.parseInt(awaitOutput(ADMIN_LISTENING).group(1));
        awaitOutput(Pattern.compile("running until SIGTERM"));

        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + adminPort + "/healthz")).timeout(READY_WAIT_MAX).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        // SIGTERM, like Process.destroy(), but without closing our end of the pipe before the last lines arrive.
        assertThat(process.toHandle().destroy()).isTrue();

        assertThat(process.waitFor(READY_WAIT_MAX.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        awaitOutput(Pattern.compile(" - stopped$"));
        assertThat(output).anySatisfy(line -> assertThat(line).contains("ILP address test.kiungo-"))
                .anySatisfy(line -> assertThat(line).contains("storage embedded"))
                .anySatisfy(line -> assertThat(line).contains("data directory " + dataDir));
    }

    @Test
    void shouldExitWith2ForAnUnknownCommand() throws Exception {
        process = start(Map.of(), "fly");

        assertThat(process.waitFor(READY_WAIT_MAX.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Main.EXIT_USAGE);
        awaitOutput(Pattern.compile("unknown command \"fly\""));
    }

    @Test
    void shouldListEveryVariableInTheHelp() throws Exception {
        process = start(Map.of(), "--help");

        assertThat(process.waitFor(READY_WAIT_MAX.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        for (EnvironmentVariable variable : EnvironmentVariable.values()) {
            awaitOutput(Pattern.compile("^  " + variable.name() + " "));
        }
    }

    private Process start(Map<String, String> environment, String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), command)
                .redirectErrorStream(true);
        for (EnvironmentVariable variable : EnvironmentVariable.values()) {
            builder.environment().remove(variable.name());
        }
        builder.environment().putAll(environment);
        Process child = builder.start();
        Thread.ofVirtual().start(() -> collect(child));
        return child;
    }

    private void collect(Process child) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            lines.lines().forEach(output::add);
        } catch (IOException e) {
            output.add("(output lost: " + e.getMessage() + ")");
        }
    }

    /** The first output line matching {@code pattern}, waiting for it within {@link #READY_WAIT_MAX}. */
    private Matcher awaitOutput(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WAIT_MAX.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no output line matches " + pattern + " in " + output);
    }
}
