package org.kiungo.codec.ilp;

/** What answers a {@link Prepare}: a {@link Fulfill} or a {@link Reject}. */
public sealed interface Reply extends InterledgerPacket permits Fulfill, Reject {
}
