package org.kiungo.codec.ilp;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.kiungo.codec.DecodingException;

/**
 * The bilateral protocols under {@code peer.} (IL-DCP, CCP, settlement) share one fixed fulfillment: 32 zero
 * bytes, whose condition is its SHA-256. (RFC 38 prints the hash of the empty string instead; that is an erratum.)
 */
public final class PeerProtocol {
    /** How long a peer-protocol request lives when the caller does not choose (the reference packages' value). */
    public static final Duration EXPIRY_DURATION = Duration.ofSeconds(60);

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

    /** A peer-protocol request: amount 0, the peer-protocol condition, {@code data} as given. */
    public static Prepare request(IlpAddress destination, Instant expiresAt, byte[] data) {
        return new Prepare(0, expiresAt, condition(), destination, data);
    }

    /** A peer-protocol answer: the zero fulfillment with {@code data}. */
    public static Fulfill response(byte[] data) {
        return new Fulfill(fulfillment(), data);
    }

    /**
     * Checks that {@code prepare} is a live request of one peer protocol: its destination, the peer-protocol
     * condition, and an expiry not before {@code clock}'s now. The amount is not checked, as in the reference
     * implementations.
     */
    public static void requireRequest(Prepare prepare, IlpAddress destination, Clock clock, String protocol)
            throws DecodingException {
        if (!prepare.destination().equals(destination)) {
            throw new DecodingException("packet is not a " + protocol + " request (destination "
                    + prepare.destination() + ")");
        }
        if (!MessageDigest.isEqual(prepare.executionCondition(), CONDITION)) {
            throw new DecodingException(protocol + " request does not carry the peer-protocol condition");
        }
        if (clock.instant().isAfter(prepare.expiresAt())) {
            throw new DecodingException(protocol + " request expired at " + prepare.expiresAt());
        }
    }

    /** Checks that {@code fulfill} carries the zero fulfillment every peer-protocol answer uses. */
    public static void requireResponse(Fulfill fulfill, String protocol) throws DecodingException {
        if (!MessageDigest.isEqual(fulfill.fulfillment(), FULFILLMENT)) {
            throw new DecodingException(protocol + " response does not carry the peer-protocol fulfillment");
        }
    }
}
