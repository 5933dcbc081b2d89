package org.kiungo.codec;

/**
 * The only exception a decoder throws on bad input: hostile or truncated bytes end here, never in an unchecked
 * exception. The message says what was wrong and never echoes the packet's data.
 */
public final class DecodingException extends Exception {
    public DecodingException(String message) {
        super(message);
    }

    public DecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
