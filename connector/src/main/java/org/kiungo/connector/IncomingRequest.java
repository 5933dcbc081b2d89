package org.kiungo.connector;

import java.util.Objects;
import org.kiungo.codec.ilp.Prepare;

/** A Prepare as it travels through the incoming steps: who sent it, and the packet as the steps have shaped it. */
public record IncomingRequest(Peer from, Prepare prepare) {
    public IncomingRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(prepare, "prepare");
    }

    public IncomingRequest withPrepare(Prepare newPrepare) {
        return new IncomingRequest(from, newPrepare);
    }
}
