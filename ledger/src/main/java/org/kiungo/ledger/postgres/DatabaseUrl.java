package org.kiungo.ledger.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where PostgreSQL is: a JDBC URL and the credentials taken out of a {@code DATABASE_URL}. Accepts
 * {@code postgres://user:password@host:port/database?options}, the same with {@code postgresql://}, and
 * {@code jdbc:postgresql://...} as pgjdbc takes it (credentials then as its {@code user} and {@code password}
 * options). {@link #toString()} and every error message leave the password out.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {
    private static final String JDBC_PREFIX = "jdbc:postgresql://";

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** Parses a {@code DATABASE_URL}; an unknown form is refused with a message that does not repeat the URL. */
    public static DatabaseUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        if (url.startsWith(JDBC_PREFIX)) return new DatabaseUrl(url, null, null);
        int separator = url.indexOf("://");
        String scheme = separator < 0 ? "" : url.substring(0, separator);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException("DATABASE_URL must start with postgres://, postgresql:// or "
                    + JDBC_PREFIX + (separator < 0 ? "" : " (it starts with " + scheme + "://)"));
        }
        String rest = url.substring(separator + 3);
        int slash = rest.indexOf('/', Math.max(0, rest.lastIndexOf('@')));
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        if (at < 0) return new DatabaseUrl(JDBC_PREFIX + authority + path, null, null);
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        return new DatabaseUrl(JDBC_PREFIX + authority.substring(at + 1) + path, user.isEmpty() ? null : user,
                password);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DATABASE_URL has a malformed %-escape in its user or password");
        }
    }

    /** The JDBC URL with any {@code password} option masked, for logs. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + redactedUrl() + (user == null ? "" : " user=" + user)
                + (password == null ? "" : " password=***") + "]";
    }
}
