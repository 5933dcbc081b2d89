package org.kiungo.interop;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JavaScript reference codecs, running in one {@code node js/codec-server.js} child per test class. Requests and
 * answers are one JSON object a line; every wait on the child is bounded, and {@link #close} always ends it.
 *
 * <p>Where {@code node} is missing, or {@code js/node_modules} is missing and {@code npm ci} cannot install it,
 * {@link #start} says so with {@link Unavailable}, and {@link JavaScriptInteropTest} skips the tests.
 */
final class JavaScriptCodec implements AutoCloseable {
    /** Installing the pinned packages from the registry on a cold cache. */
    private static final long INSTALL_TIMEOUT_SECONDS = 180;
    /** Node starting and loading the packages. */
    private static final long STARTUP_TIMEOUT_SECONDS = 30;
    /** One answer; the slowest (a 32 KB packet) takes milliseconds. */
    private static final long ANSWER_TIMEOUT_SECONDS = 10;
    /** The child exiting once its stdin is closed. */
    private static final long EXIT_TIMEOUT_SECONDS = 5;
    /** Answers read ahead of the test; the protocol has at most one in flight. */
    private static final int ANSWERS_QUEUED_MAX = 16;
    private static final String END_OF_OUTPUT = "";

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OutputStream requests;
    private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(ANSWERS_QUEUED_MAX);

    private JavaScriptCodec(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        Thread.ofVirtual().name("codec-server-stdout").start(this::readAnswers);
    }

    /** Why the JavaScript side cannot run here: no node, or no packages and no way to install them. */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    /** Starts the codec server, installing the pinned packages first if they are missing and npm exists. */
    static JavaScriptCodec start() throws Unavailable {
        Path js = directory();
        Optional<Path> node = Optional.of(node());
        JavaScriptCodec codec;
        try {
            codec = new JavaScriptCodec(new ProcessBuilder(node.get().toString(), "codec-server.js")
                    .directory(js.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + node.get(), e);
        }
        JsonNode versions = codec.call(request("versions"), STARTUP_TIMEOUT_SECONDS);
        System.out.println("interop: checking against " + versions);
        return codec;
    }

    /** The npm project with the pinned packages installed; {@link Unavailable} as {@link #node()} says. */
    static Path installedPackages() throws Unavailable {
        node();
        return directory();
    }

    /** The directory of the JavaScript side: its scripts and the pinned packages. */
    static Path directory() {
        return Path.of(System.getProperty("kiungo.interop.js", "js")).toAbsolutePath();
    }

    /** The {@code node} executable, with the pinned packages installed first if they are missing and npm exists. */
    static Path node() throws Unavailable {
        Path js = directory();
        Optional<Path> node = onPath("node");
        if (node.isEmpty()) {
            throw new Unavailable("`node` is not on PATH");
        }
        if (!Files.isDirectory(js.resolve("node_modules")) && !install(js)) {
            throw new Unavailable(js.resolve("node_modules") + " is missing and `npm ci --prefix " + js
                    + "` could not install it");
        }
        return node.get();
    }

    /** Runs {@code npm ci} when npm exists; true when node_modules is there afterwards. */
    private static boolean install(Path js) {
        Optional<Path> npm = onPath("npm");
        if (npm.isEmpty()) {
            System.err.println("interop: `npm` is not on PATH either");
            return false;
        }
        try {
            Process ci = new ProcessBuilder(npm.get().toString(), "ci", "--prefix", js.toString(), "--no-audit",
                    "--no-fund", "--silent").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try {
                return ci.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS) && ci.exitValue() == 0
                        && Files.isDirectory(js.resolve("node_modules"));
            } finally {
                ci.destroyForcibly();
            }
        } catch (IOException e) {
            System.err.println("interop: npm ci failed: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, command)).filter(Files::isExecutable).findFirst();
    }

    /** A request for {@code op}, to which the caller adds the arguments. */
    static ObjectNode request(String op) {
        return JSON.createObjectNode().put("op", op);
    }

    /** The answer's value; a JavaScript error fails the test with its message. */
    JsonNode call(ObjectNode request) {
        return call(request, ANSWER_TIMEOUT_SECONDS);
    }

    /** The JavaScript error message, or empty when the reference code accepted the request. */
    Optional<String> error(ObjectNode request) {
        JsonNode answer = answer(request, ANSWER_TIMEOUT_SECONDS);
        return answer.path("ok").asBoolean() ? Optional.empty() : Optional.of(answer.path("error").asText());
    }

    private JsonNode call(ObjectNode request, long timeoutSeconds) {
        JsonNode answer = answer(request, timeoutSeconds);
        if (!answer.path("ok").asBoolean()) {
            fail("JavaScript refused " + abbreviated(request) + ": " + answer.path("error").asText());
        }
        return answer.get("value");
    }

    private JsonNode answer(ObjectNode request, long timeoutSeconds) {
        try {
            requests.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            requests.flush();
            String line = answers.poll(timeoutSeconds, TimeUnit.SECONDS);
            if (line == null || line.equals(END_OF_OUTPUT)) {
                throw new IllegalStateException("codec server gave no answer within " + timeoutSeconds + " s to "
                        + abbreviated(request) + (process.isAlive() ? "" : "; it exited with " + process.exitValue()));
            }
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("codec server pipe broke", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the codec server", e);
        }
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answers.put(line);
            }
        } catch (IOException | InterruptedException e) {
            // The child is gone or the test is over; the end marker below tells a waiting caller.
        }
        answers.offer(END_OF_OUTPUT);
    }

    /** Parses {@code node} back from its text, so numbers compare as JavaScript's answers do (int or long). */
    static JsonNode canonical(JsonNode node) {
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(JsonNode request) {
        String text = request.toString();
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /** Closes stdin so the server ends by itself, and destroys it if it does not. */
    @Override
    public void close() {
        try {
            requests.close();
            if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("interop: codec server did not exit in " + EXIT_TIMEOUT_SECONDS + " s; killing");
            }
        } catch (IOException e) {
            // Already gone: nothing to close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            process.destroyForcibly();
        }
    }
}
