package org.kiungo.peering;

import java.util.Objects;

/**
 * A peering operation refused, with its {@link PeeringError} and a message for the operator. The message names
 * ids and addresses but never a token. A refused operation has changed nothing.
 */
public final class PeeringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final PeeringError error;

    public PeeringException(PeeringError error, String message) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    public PeeringError error() {
        return error;
    }
}
