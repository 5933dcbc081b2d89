package org.kiungo.node;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads environment variables and collects a problem for each bad value instead of stopping at the first, so an
 * operator fixes all of them in one go. An empty value counts as unset, as in most deployment tools' env files.
 */
final class EnvironmentReader {
    static final Set<String> HTTP_SCHEMES = Set.of("http", "https");
    private static final int PORT_MAX = 65_535;
    private static final Pattern USER_INFO = Pattern.compile("//.*@");
    private static final Pattern QUERY = Pattern.compile("\\?.*$");

    private final Map<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    EnvironmentReader(Map<String, String> environment) {
        this.environment = environment;
    }

    Optional<String> text(EnvironmentVariable variable) {
        String value = environment.get(variable.name());
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The value, or the variable's default when it is unset. */
    String textOrDefault(EnvironmentVariable variable) {
        return text(variable).orElse(variable.defaultValue());
    }

    boolean isSet(EnvironmentVariable variable) {
        return text(variable).isPresent();
    }

    /** A port number, or the default; 0 asks the system for a free port. */
    int port(EnvironmentVariable variable) {
        int defaultPort = Integer.parseInt(variable.defaultValue());
        Optional<String> value = text(variable);
        if (value.isEmpty()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.get().strip());
            if (port >= 0 && port <= PORT_MAX) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problem(variable, "is not a port number from 0 to " + PORT_MAX, value.get());
        return defaultPort;
    }

    /** A whole number from {@code min} to {@code max}, or the default. */
    long number(EnvironmentVariable variable, long min, long max) {
        long defaultValue = Long.parseLong(variable.defaultValue());
        Optional<String> value = text(variable);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.get().strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        problem(variable, "is not a whole number from " + min + " to " + max, value.get());
        return defaultValue;
    }

    /** Strictly {@code true} or {@code false}: a typo must not silently mean false. */
    boolean flag(EnvironmentVariable variable) {
        boolean defaultValue = Boolean.parseBoolean(variable.defaultValue());
        Optional<String> value = text(variable);
        if (value.isEmpty()) {
            return defaultValue;
        }
        if (value.get().equals("true") || value.get().equals("false")) {
            return Boolean.parseBoolean(value.get());
        }
        problem(variable, "must be true or false", value.get());
        return defaultValue;
    }

    /**
     * An absolute URL whose scheme is one of {@code schemes}. A JDBC URL's scheme is written {@code jdbc:<driver>}
     * and may name no host (the driver's default); every other URL needs a host.
     */
    Optional<URI> url(EnvironmentVariable variable, Set<String> schemes, String schemesText) {
        Optional<String> value = text(variable);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.get());
            boolean jdbc = "jdbc".equalsIgnoreCase(uri.getScheme());
            URI inner = jdbc ? new URI(uri.getRawSchemeSpecificPart()) : uri;
            String scheme = (jdbc ? "jdbc:" : "") + (inner.getScheme() == null ? "" : inner.getScheme());
            if (schemes.contains(scheme.toLowerCase(Locale.ROOT)) && (jdbc || inner.getHost() != null)) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problem(variable, "is not an absolute " + schemesText + " URL", redacted(value.get()));
        return Optional.empty();
    }

    Optional<Secret> secret(EnvironmentVariable variable) {
        return text(variable).map(Secret::new);
    }

    /** Records that {@code variable} is wrong, quoting {@code value}, which must never be a secret. */
    void problem(EnvironmentVariable variable, String what, String value) {
        problems.add(variable.name() + " " + what + ": \"" + value + "\"");
    }

    /** Records that {@code variable} is wrong, quoting {@code value} and saying why in parentheses. */
    void problem(EnvironmentVariable variable, String what, String value, String reason) {
        problems.add(variable.name() + " " + what + ": \"" + value + "\" (" + reason + ")");
    }

    void problem(String sentence) {
        problems.add(sentence);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** A URL fit to show: user, password and query (where JDBC URLs carry passwords) replaced by stars. */
    static String redacted(String url) {
        return QUERY.matcher(USER_INFO.matcher(url).replaceFirst("//***@")).replaceFirst("?***");
    }
}
