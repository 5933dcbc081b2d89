package org.kiungo.peering;

/** The little JSON the peering module writes itself: event data made of strings and integers only. */
final class Json {
    private Json() {
    }

    /** {@code value} as a JSON string literal, quotes and backslashes escaped, control characters as \\u. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
