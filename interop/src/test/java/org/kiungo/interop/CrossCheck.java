package org.kiungo.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The two directions of a cross-check, run over many random values of one type. Every failure names the value, the
 * case number and the seed that reproduces it.
 */
final class CrossCheck {
    static final HexFormat HEX = HexFormat.of();
    /** JavaScript's Date.toISOString: always three fraction digits, which Instant.toString drops when zero. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** Checks one value against what JavaScript did with it; may throw, as decoders do. */
    @FunctionalInterface
    interface Check<T> {
        void accept(T value, JsonNode answer) throws Exception;
    }

    private CrossCheck() {
    }

    /**
     * Java to JavaScript: for each value, JavaScript answers {@code request} (typically "decode these bytes Java
     * encoded") and the answer must equal {@code expected}, field by field.
     */
    static <T> void javaToJavaScript(JavaScriptCodec js, RandomValues random, int cases,
                                     Function<RandomValues, T> generate, Function<T, ObjectNode> request,
                                     Function<T, JsonNode> expected) {
        forEach(js, random, cases, generate, request, (value, answer) -> assertThat(answer)
                .isEqualTo(JavaScriptCodec.canonical(expected.apply(value))));
    }

    /**
     * JavaScript to Java: for each value, JavaScript answers {@code request} (typically "encode these fields") with
     * hex bytes, and {@code check} decodes them in Java and compares.
     */
    static <T> void javaScriptToJava(JavaScriptCodec js, RandomValues random, int cases,
                                     Function<RandomValues, T> generate, Function<T, ObjectNode> request,
                                     Check<T> check) {
        forEach(js, random, cases, generate, request, check);
    }

    private static <T> void forEach(JavaScriptCodec js, RandomValues random, int cases,
                                    Function<RandomValues, T> generate, Function<T, ObjectNode> request,
                                    Check<T> check) {
        for (int i = 0; i < cases; i++) {
            T value = generate.apply(random);
            JsonNode answer = js.call(request.apply(value));
            try {
                check.accept(value, answer);
            } catch (Exception | AssertionError e) {
                throw new AssertionError("case " + i + " of " + cases + " (" + random + ") disagrees on " + value
                        + ": " + e.getMessage(), e);
            }
        }
    }

    static byte[] bytes(JsonNode hex) {
        return HEX.parseHex(hex.asText());
    }

    static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
