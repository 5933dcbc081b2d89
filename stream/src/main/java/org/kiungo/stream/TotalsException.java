package org.kiungo.stream;

/** Why a {@link ConnectionTotals} store could not add to a total; the total is unchanged. */
public final class TotalsException extends RuntimeException {
    /** What went wrong: the caller answers each differently. */
    public enum Reason {
        /** The total would exceed {@link Long#MAX_VALUE}. */
        OVERFLOW,
        /** A bounded in-memory store holds its maximum of live connections. */
        FULL,
        /** The shared store did not answer in time or refused the command. */
        UNAVAILABLE
    }

    private final Reason reason;

    public TotalsException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
