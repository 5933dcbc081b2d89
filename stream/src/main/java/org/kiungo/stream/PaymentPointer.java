package org.kiungo.stream;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A payment pointer (RFC 26): {@code $wallet.example/alice} stands for {@code https://wallet.example/alice}, and a
 * pointer without a path, {@code $wallet.example}, for {@code https://wallet.example/.well-known/pay}. A pointer has
 * no port, user, query or fragment; anything else is refused with a message saying what is wrong.
 *
 * @param host the lower-case host name
 * @param path the URL path, starting with {@code /}; {@link #WELL_KNOWN_PATH} for a pointer without one
 */
public record PaymentPointer(String host, String path) {
    public static final String WELL_KNOWN_PATH = "/.well-known/pay";
    /** Longer text is refused before parsing. */
    public static final int CHARS_MAX = 2_048;

    public PaymentPointer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (host.isEmpty() || !path.startsWith("/")) {
            throw new IllegalArgumentException("a payment pointer needs a host and a path starting with /");
        }
    }

    /** Reads {@code $host[/path]}. */
    public static PaymentPointer parse(String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        if (!pointer.startsWith("$")) {
            throw new IllegalArgumentException("a payment pointer starts with $: " + shorten(pointer));
        }
        if (pointer.length() == 1 || pointer.charAt(1) == '/') {
            throw new IllegalArgumentException("not a valid payment pointer: " + shorten(pointer) + " (no host)");
        }
        return fromUri(pointer, "https://" + pointer.substring(1));
    }

    /** Reads the {@code https} URL a payment pointer stands for. */
    public static PaymentPointer fromUrl(String url) {
        Objects.requireNonNull(url, "url");
        if (!url.regionMatches(true, 0, "https://", 0, "https://".length())) {
            throw new IllegalArgumentException("only https URLs are payment pointers: " + shorten(url));
        }
        return fromUri(url, url);
    }

    /** The SPSP endpoint this pointer resolves to. */
    public URI toUrl() {
        return URI.create("https://" + host + path);
    }

    /** The {@code $} form: {@code $host} for the well-known path, {@code $host/path} otherwise. */
    @Override
    public String toString() {
        return "$" + host + (path.equals(WELL_KNOWN_PATH) ? "" : path);
    }

    private static PaymentPointer fromUri(String original, String url) {
        if (url.length() > CHARS_MAX) {
            throw new IllegalArgumentException("payment pointer is longer than " + CHARS_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid payment pointer: " + shorten(original) + " ("
                    + e.getReason() + ")", e);
        }
        String problem = problem(uri);
        if (problem != null) {
            throw new IllegalArgumentException("not a valid payment pointer: " + shorten(original) + " (" + problem
                    + ")");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/")
                ? WELL_KNOWN_PATH : uri.getRawPath();
        return new PaymentPointer(uri.getHost().toLowerCase(Locale.ROOT), path);
    }

    private static String problem(URI uri) {
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            return "no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "it must not name a user";
        }
        if (uri.getPort() != -1) {
            return "it must not name a port";
        }
        if (uri.getRawQuery() != null) {
            return "it must not have a query";
        }
        if (uri.getRawFragment() != null) {
            return "it must not have a fragment";
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
