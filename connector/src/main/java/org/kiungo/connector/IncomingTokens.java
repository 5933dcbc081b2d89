package org.kiungo.connector;

import java.util.Optional;

/** The bearer tokens peers present when they send us packets, each belonging to exactly one peer. */
@FunctionalInterface
public interface IncomingTokens {
    /**
     * The peer that owns {@code token}, or empty when no peer does. Implementations never log the token nor put
     * it in an exception message.
     */
    Optional<String> peerId(String token);
}
