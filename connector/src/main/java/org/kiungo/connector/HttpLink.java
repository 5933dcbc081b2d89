package org.kiungo.connector;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how the node sends packets to a peer over ILP-over-HTTP (RFC 35): the peer's endpoint, the bearer
 * token the peer expects from us, and whether the peer speaks HTTP/2 over cleartext by prior knowledge.
 * The token is a secret: {@link #toString()} never shows it.
 */
public record HttpLink(URI endpoint, String outgoingToken, boolean h2c) {
    public HttpLink {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outgoingToken, "outgoingToken");
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("a peer's endpoint is an absolute http or https URL");
        }
        if (outgoingToken.isBlank()) {
            throw new IllegalArgumentException("an outgoing token must not be blank");
        }
    }

    /** An HTTP/1.1 link, the kind every ILP-over-HTTP peer speaks. */
    public static HttpLink of(URI endpoint, String outgoingToken) {
        return new HttpLink(endpoint, outgoingToken, false);
    }

    @Override
    public String toString() {
        return "HttpLink[endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost() + ":" + endpoint.getPort()
                + endpoint.getRawPath() + ", outgoingToken=(secret), h2c=" + h2c + "]";
    }
}
