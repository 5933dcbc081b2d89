package org.kiungo.connector;

import org.kiungo.codec.ilp.Reply;

/** One rule applied to every Prepare before it is routed: it answers itself (a Reject) or calls {@code next}. */
@FunctionalInterface
public interface IncomingStep {
    Reply handle(IncomingRequest request, IncomingService next);
}
