package org.kiungo.connector;

import java.util.Objects;
import org.kiungo.codec.ilp.Prepare;

/**
 * A routed Prepare: who sent it and the packet as it arrived ({@code incoming}, whose amount the ledger debits),
 * the next hop and the packet we will send it ({@code outgoing}: converted amount, shortened expiry).
 */
public record OutgoingRequest(Peer from, Prepare incoming, Peer to, Prepare outgoing) {
    public OutgoingRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(outgoing, "outgoing");
    }

    public OutgoingRequest withOutgoing(Prepare newOutgoing) {
        return new OutgoingRequest(from, incoming, to, newOutgoing);
    }
}
