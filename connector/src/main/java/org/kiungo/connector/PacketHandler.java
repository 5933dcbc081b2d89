package org.kiungo.connector;

import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * What the node does with a Prepare that arrived from a peer: the seam the packet pipeline fills. A Reject is a
 * return value, never an exception; an exception that escapes anyway is a bug, answered with T00 by the caller.
 */
@FunctionalInterface
public interface PacketHandler {
    /** The Fulfill or Reject for {@code prepare}, which the authenticated peer {@code peerId} sent. */
    Reply handle(String peerId, Prepare prepare);
}
