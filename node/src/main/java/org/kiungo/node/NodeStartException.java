package org.kiungo.node;

/** The node could not start: its data directory is taken, a port is in use, and the like. The message says which. */
public final class NodeStartException extends Exception {
    public NodeStartException(String message) {
        super(message);
    }

    public NodeStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
