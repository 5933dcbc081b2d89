package org.kiungo.connector;

import org.kiungo.codec.ilp.Reply;

/** One rule applied to every routed Prepare: it answers itself (a Reject) or calls {@code next}. */
@FunctionalInterface
public interface OutgoingStep {
    Reply send(OutgoingRequest request, OutgoingService next);
}
