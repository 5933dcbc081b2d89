package org.kiungo.connector;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the node sends packets to a peer over ILP-over-HTTP (RFC 35): the peer's endpoint, the bearer
 * token the peer expects from us, whether the peer speaks HTTP/2 over cleartext by prior knowledge, and whether it
 * answers in the response (synchronous mode) or by a request to our callback URL (asynchronous mode).
 * The token is a secret: {@link #toString()} never shows it.
 */
public record HttpLink(URI endpoint, String outgoingToken, boolean h2c, Mode mode) {
    /** How the peer returns the Fulfill or Reject of a Prepare we send it. */
    public enum Mode {
        /** In the body of the HTTP 200 response: what every existing connector speaks. */
        SYNCHRONOUS,
        /** RFC 35's current mode: HTTP 202 at once, the reply POSTed to our callback URL with the Request-Id. */
        ASYNCHRONOUS
    }

    public HttpLink {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outgoingToken, "outgoingToken");
        Objects.requireNonNull(mode, "mode");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("a peer's endpoint is an absolute http or https URL");
        }
        if (outgoingToken.isBlank()) {
            throw new IllegalArgumentException("an outgoing token must not be blank");
        }
    }

    /** A link in synchronous mode. */
    public HttpLink(URI endpoint, String outgoingToken, boolean h2c) {
        this(endpoint, outgoingToken, h2c, Mode.SYNCHRONOUS);
    }

    /** An HTTP/1.1 link in synchronous mode, the kind every ILP-over-HTTP peer speaks. */
    public static HttpLink of(URI endpoint, String outgoingToken) {
        return new HttpLink(endpoint, outgoingToken, false);
    }

    /** The same link in {@code newMode}. */
    public HttpLink withMode(Mode newMode) {
        return new HttpLink(endpoint, outgoingToken, h2c, newMode);
    }

    @Override
    public String toString() {
        return "HttpLink[endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost() + ":" + endpoint.getPort()
                + endpoint.getRawPath() + ", outgoingToken=(secret), h2c=" + h2c + ", mode=" + mode + "]";
    }
}
