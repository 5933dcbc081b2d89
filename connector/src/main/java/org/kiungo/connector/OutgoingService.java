package org.kiungo.connector;

import org.kiungo.codec.ilp.Reply;

/** Sends a routed Prepare towards its next hop; the rest of the outgoing chain, as a step sees it. */
@FunctionalInterface
public interface OutgoingService {
    Reply send(OutgoingRequest request);
}
