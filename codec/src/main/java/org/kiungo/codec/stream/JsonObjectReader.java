package org.kiungo.codec.stream;

import org.kiungo.codec.DecodingException;

/**
 * A strict reader for one JSON object (RFC 8259), just enough for SPSP without a JSON library in the codec. The
 * caller reads the members it knows and skips the rest; nested objects and arrays are skipped up to
 * {@link #DEPTH_MAX} levels, since SPSP responses may carry optional objects such as {@code balance} and
 * {@code asset_info}. Errors give a position, never the input text.
 */
final class JsonObjectReader {
    /** How deep a skipped value may nest; deeper input is refused rather than risking the stack. */
    static final int DEPTH_MAX = 16;
    private static final int HEX_RADIX = 16;
    private static final int UNICODE_ESCAPE_DIGITS = 4;

    private final String text;
    private int position;
    private boolean firstMember;

    JsonObjectReader(String text) {
        this.text = text;
    }

    void beginObject() throws DecodingException {
        expect('{');
        firstMember = true;
    }

    /** Moves past a ',' or the closing '}'; true when another member follows. */
    boolean nextMember() throws DecodingException {
        skipWhitespace();
        if (position < text.length() && text.charAt(position) == '}') {
            position++;
            return false;
        }
        if (!firstMember) {
            expect(',');
        }
        firstMember = false;
        return true;
    }

    /** A member's name and the ':' after it. */
    String readName() throws DecodingException {
        String name = readString();
        expect(':');
        return name;
    }

    String readString() throws DecodingException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            out.append(c == '\\' ? readEscape() : c);
        }
    }

    boolean readBoolean() throws DecodingException {
        skipWhitespace();
        if (text.startsWith("true", position)) {
            position += 4;
            return true;
        }
        if (text.startsWith("false", position)) {
            position += 5;
            return false;
        }
        throw error("expected a boolean");
    }

    /** Skips one value of any type, checking its syntax. */
    void skipValue() throws DecodingException {
        skipValue(0);
    }

    /** Only whitespace may follow the object. */
    void endDocument() throws DecodingException {
        skipWhitespace();
        if (position != text.length()) {
            throw error("unexpected text after the object");
        }
    }

    private void skipValue(int depth) throws DecodingException {
        skipWhitespace();
        char c = peek();
        if (c == '"') {
            readString();
        } else if (c == '{' || c == '[') {
            skipContainer(depth);
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            skipNumber();
        } else if (!skipLiteral("true") && !skipLiteral("false") && !skipLiteral("null")) {
            throw error("expected a value");
        }
    }

    private void skipContainer(int depth) throws DecodingException {
        if (depth >= DEPTH_MAX) {
            throw error("values nest deeper than " + DEPTH_MAX);
        }
        char close = next() == '{' ? '}' : ']';
        skipWhitespace();
        if (peek() == close) {
            position++;
            return;
        }
        // Each turn consumes input, so the input length bounds this loop.
        while (true) {
            if (close == '}') {
                readName();
            }
            skipValue(depth + 1);
            skipWhitespace();
            if (next() == close) {
                return;
            }
            if (text.charAt(position - 1) != ',') {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private void skipNumber() throws DecodingException {
        // JSON number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        position += text.charAt(position) == '-' ? 1 : 0;
        if (position < text.length() && text.charAt(position) == '0') {
            position++;
        } else {
            requireDigits();
        }
        if (position < text.length() && text.charAt(position) == '.') {
            position++;
            requireDigits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            position++;
            if (position < text.length() && (text.charAt(position) == '+' || text.charAt(position) == '-')) {
                position++;
            }
            requireDigits();
        }
    }

    private void requireDigits() throws DecodingException {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        if (position == start) {
            throw error("expected a digit");
        }
    }

    private boolean skipLiteral(String literal) {
        if (text.startsWith(literal, position)) {
            position += literal.length();
            return true;
        }
        return false;
    }

    private char readEscape() throws DecodingException {
        char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readUnicodeEscape();
            default -> throw error("invalid escape");
        };
    }

    private char readUnicodeEscape() throws DecodingException {
        int value = 0;
        for (int i = 0; i < UNICODE_ESCAPE_DIGITS; i++) {
            char c = next();
            // Character.digit alone would also take non-ASCII digits such as U+FF10; JSON allows only ASCII hex.
            int digit = c < 0x80 ? Character.digit(c, HEX_RADIX) : -1;
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * HEX_RADIX + digit;
        }
        return (char) value;
    }

    private void expect(char wanted) throws DecodingException {
        skipWhitespace();
        if (next() != wanted) {
            throw error("expected '" + wanted + "'");
        }
    }

    private char next() throws DecodingException {
        char c = peek();
        position++;
        return c;
    }

    private char peek() throws DecodingException {
        if (position >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(position);
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private DecodingException error(String what) {
        return new DecodingException("SPSP JSON: " + what + " at position " + Math.min(position, text.length()));
    }
}
