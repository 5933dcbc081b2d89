package org.kiungo.codec.ilp;

/** An ILPv4 packet (RFC 27): a {@link Prepare}, or the {@link Reply} to one. */
public sealed interface InterledgerPacket permits Prepare, Reply {
    /** The largest {@code data} field any packet may carry. */
    int DATA_LENGTH_MAX = 32_767;

    byte[] data();
}
