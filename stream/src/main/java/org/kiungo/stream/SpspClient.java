package org.kiungo.stream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.stream.SpspResponse;

/**
 * Asks a receiver's SPSP endpoint for STREAM credentials (RFC 9): {@code GET} with {@code Accept:
 * application/spsp4+json}, an answer of at most {@link #BODY_BYTES_MAX} bytes within {@link #TIMEOUT}. A payment
 * pointer is turned into its URL by a {@link Resolver}: {@code https://host/path} on the Internet, a local address
 * in tests.
 */
public final class SpspClient {
    public static final int BODY_BYTES_MAX = SpspResponse.JSON_CHARS_MAX;
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The URL of a payment pointer's SPSP endpoint. */
    @FunctionalInterface
    public interface Resolver {
        /** The pointer's own {@code https} URL, as RFC 26 says. */
        Resolver HTTPS = PaymentPointer::toUrl;

        URI resolve(PaymentPointer pointer);
    }

    /** Why no credentials came back. */
    public enum Failure {
        /** The receiver is not a payment pointer or URL. */
        MALFORMED,
        /** The endpoint answered 404: no such receiver. */
        NOT_FOUND,
        /** No answer, an error status or an answer that is not SPSP. */
        UNAVAILABLE
    }

    /** The receiver could not be queried; the message says why and never holds a secret. */
    public static final class SpspException extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        SpspException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final HttpClient http;
    private final Resolver resolver;

    public SpspClient(HttpClient http, Resolver resolver) {
        this.http = Objects.requireNonNull(http, "http");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** The endpoint of {@code receiver}: a payment pointer ({@code $host/path}) or an http(s) URL taken as it is. */
    public URI endpoint(String receiver) throws SpspException {
        Objects.requireNonNull(receiver, "receiver");
        try {
            if (receiver.startsWith("$")) {
                return resolver.resolve(PaymentPointer.parse(receiver));
            }
            String lower = receiver.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("https://") || lower.startsWith("http://"))
                    && receiver.length() <= PaymentPointer.CHARS_MAX) {
                URI uri = URI.create(receiver);
                if (uri.getHost() != null && uri.getRawUserInfo() == null) {
                    return uri;
                }
            }
        } catch (IllegalArgumentException e) {
            throw new SpspException(Failure.MALFORMED, e.getMessage());
        }
        throw new SpspException(Failure.MALFORMED, "the receiver must be a payment pointer ($host/path) or an "
                + "http(s) URL");
    }

    /** Fresh credentials from the SPSP endpoint of {@code receiver}. */
    public SpspResponse query(String receiver) throws SpspException {
        URI endpoint = endpoint(receiver);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Accept", SpspResponse.MEDIA_TYPE).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 404) {
                    throw new SpspException(Failure.NOT_FOUND, "the receiver " + receiver + " does not exist (404 "
                            + "from " + shown(endpoint) + ")");
                }
                if (response.statusCode() != 200) {
                    throw new SpspException(Failure.UNAVAILABLE, shown(endpoint) + " answered HTTP "
                            + response.statusCode());
                }
                byte[] bytes = body.readNBytes(BODY_BYTES_MAX + 1);
                if (bytes.length > BODY_BYTES_MAX) {
                    throw new SpspException(Failure.UNAVAILABLE, shown(endpoint) + " answered more than "
                            + BODY_BYTES_MAX + " bytes");
                }
                return SpspResponse.parse(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (DecodingException e) {
            // The parser's message may quote the answer, which holds a shared secret.
            throw new SpspException(Failure.UNAVAILABLE, shown(endpoint) + " answered no valid SPSP response");
        } catch (IOException e) {
            throw new SpspException(Failure.UNAVAILABLE, "cannot reach " + shown(endpoint) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpspException(Failure.UNAVAILABLE, "interrupted while asking " + shown(endpoint));
        }
    }

    private static String shown(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + endpoint.getRawPath();
    }
}
