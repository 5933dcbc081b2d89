package org.kiungo.codec.ilp;

import java.util.Arrays;
import java.util.Objects;

/**
 * An ILP Reject. {@code triggeredBy} is the address of the node that made it, or empty: other implementations
 * send empty ones, so they must decode.
 */
public record Reject(ErrorCode code, String triggeredBy, String message, byte[] data) implements Reply {
    /** The longest message, in UTF-8 bytes (RFC 27). */
    public static final int MESSAGE_LENGTH_MAX = 8_191;

    public Reject {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(data, "data");
        if (triggeredBy == null || !(triggeredBy.isEmpty() || IlpAddress.isValid(triggeredBy))) {
            throw new IllegalArgumentException("triggeredBy must be empty or a valid ILP address");
        }
        if (data.length > DATA_LENGTH_MAX) {
            throw new IllegalArgumentException("data is longer than " + DATA_LENGTH_MAX + " bytes");
        }
    }

    /** A Reject made by the node at {@code triggeredBy}, with no data. */
    public static Reject of(ErrorCode code, IlpAddress triggeredBy, String message) {
        return new Reject(code, triggeredBy.value(), message, new byte[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reject r && code.equals(r.code) && triggeredBy.equals(r.triggeredBy)
                && message.equals(r.message) && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, triggeredBy, message, Arrays.hashCode(data));
    }

    /** Never prints the data. */
    @Override
    public String toString() {
        return "Reject[code=" + code + ", triggeredBy=" + triggeredBy + ", message=" + message + ", data="
                + data.length + " bytes]";
    }
}
