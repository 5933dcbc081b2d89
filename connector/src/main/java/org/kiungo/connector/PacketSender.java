package org.kiungo.connector;

import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * Sends a Prepare over a peer's link and returns the peer's reply, or a Reject of our own when the link fails
 * (T01, or R00 once the packet has expired). Never throws for a network failure.
 */
@FunctionalInterface
public interface PacketSender {
    Reply send(String peerId, HttpLink link, Prepare prepare);
}
