package org.kiungo.codec.ilp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hashlock of ILP: a condition is the SHA-256 of its fulfillment. */
public final class Conditions {
    private Conditions() {
    }

    public static byte[] of(byte[] fulfillment) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(fulfillment);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares in constant time, so a timing side channel cannot help forge a fulfillment. */
    public static boolean matches(byte[] fulfillment, byte[] condition) {
        return MessageDigest.isEqual(of(fulfillment), condition);
    }
}
