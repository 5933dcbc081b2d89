package org.kiungo.connector;

import org.kiungo.codec.ilp.Reply;

/** Handles a Prepare a peer sent us; the rest of the incoming chain, as a step sees it. */
@FunctionalInterface
public interface IncomingService {
    Reply handle(IncomingRequest request);
}
