package org.kiungo.codec.ilp;

import java.util.HexFormat;

/**
 * The bilateral protocols under {@code peer.} (IL-DCP, CCP, settlement) share one fixed fulfillment: 32 zero
 * bytes, whose condition is its SHA-256. (RFC 38 prints the hash of the empty string instead; that is an erratum.)
 */
public final class PeerProtocol {
    private static final byte[] FULFILLMENT = new byte[Fulfill.FULFILLMENT_LENGTH];
    private static final byte[] CONDITION =
            HexFormat.of().parseHex("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");

    private PeerProtocol() {
    }

    /** A fresh copy of the all-zero fulfillment. */
    public static byte[] fulfillment() {
        return FULFILLMENT.clone();
    }

    /** A fresh copy of SHA-256 of the all-zero fulfillment. */
    public static byte[] condition() {
        return CONDITION.clone();
    }

    public static boolean isPeerProtocol(IlpAddress destination) {
        return "peer".equals(destination.scheme());
    }
}
