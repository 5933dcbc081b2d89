package org.kiungo.stream;

import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * Sends one Prepare into the network and waits for its Fulfill or Reject: the node's outgoing pipeline, or a fake
 * connector in tests. A failure to deliver is a Reject (T01, R00, ...), never an exception.
 */
@FunctionalInterface
public interface PrepareSender {
    Reply send(Prepare prepare);
}
