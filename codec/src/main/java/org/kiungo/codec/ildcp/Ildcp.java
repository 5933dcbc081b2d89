package org.kiungo.codec.ildcp;

import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;

/** The constants of IL-DCP (RFC 31) and the Reject a parent sends when it cannot answer. */
public final class Ildcp {
    /** Where IL-DCP requests go. */
    public static final IlpAddress DESTINATION = IlpAddress.of("peer.config");
    /** The name used in error messages. */
    static final String PROTOCOL = "IL-DCP";
    /** The message when the failure has none of its own, as the reference server says it. */
    public static final String UNEXPECTED_ERROR_MESSAGE = "unexpected error.";

    private Ildcp() {
    }

    /**
     * The F00 Reject a parent at {@code serverAddress} answers with when it cannot serve a request, for example
     * because the request was malformed or the child is unknown. A null or empty {@code message} becomes
     * {@link #UNEXPECTED_ERROR_MESSAGE}.
     */
    public static Reject failure(IlpAddress serverAddress, String message) {
        String text = message == null || message.isEmpty() ? UNEXPECTED_ERROR_MESSAGE : message;
        return Reject.of(ErrorCode.F00_BAD_REQUEST, serverAddress, text);
    }
}
