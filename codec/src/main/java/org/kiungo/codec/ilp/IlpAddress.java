package org.kiungo.codec.ilp;

import java.util.Set;

/**
 * An ILP address (RFC 15): an allocation scheme, then one or more dot-separated segments of
 * {@code [A-Za-z0-9_~-]}, at most 1023 characters in all.
 */
public record IlpAddress(String value) implements Comparable<IlpAddress> {
    public static final int LENGTH_MAX = 1023;
    public static final Set<String> SCHEMES =
            Set.of("g", "private", "example", "peer", "self", "test", "test1", "test2", "test3", "local");

    public IlpAddress {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static IlpAddress of(String value) {
        return new IlpAddress(value);
    }

    public static boolean isValid(String value) {
        return problem(value) == null;
    }

    /** Why {@code value} is not a valid address, or {@code null} when it is. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "ILP address is empty";
        }
        if (value.length() > LENGTH_MAX) {
            return "ILP address is longer than " + LENGTH_MAX + " characters";
        }
        int dot = value.indexOf('.');
        if (dot < 0 || !SCHEMES.contains(value.substring(0, dot))) {
            return "ILP address must start with a known scheme (" + String.join(", ", SCHEMES.stream().sorted()
                    .toList()) + ") followed by a dot";
        }
        boolean segmentEmpty = true;
        for (int i = dot + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (segmentEmpty) {
                    return "ILP address has an empty segment";
                }
                segmentEmpty = true;
            } else if (isSegmentCharacter(c)) {
                segmentEmpty = false;
            } else {
                return "ILP address has an invalid character at position " + i;
            }
        }
        return segmentEmpty ? "ILP address ends with a dot" : null;
    }

    /** The allocation scheme, such as {@code g} or {@code test}. */
    public String scheme() {
        return value.substring(0, value.indexOf('.'));
    }

    /** This address followed by one more segment. */
    public IlpAddress with(String segment) {
        return new IlpAddress(value + "." + segment);
    }

    /** True when {@code prefix} is this address or one of its ancestors, on a segment boundary. */
    public boolean startsWith(IlpAddress prefix) {
        return value.startsWith(prefix.value)
                && (value.length() == prefix.value.length() || value.charAt(prefix.value.length()) == '.');
    }

    @Override
    public int compareTo(IlpAddress other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isSegmentCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '~' || c == '-';
    }
}
