package org.kiungo.codec.stream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hash functions of STREAM (RFC 29 §5.1 and §6): key derivation from the shared secret, and the condition of a
 * fulfillment. Stateless and thread-safe; per-connection keys live in {@link StreamKeys}.
 */
public final class StreamCrypto {
    /** Length of a shared secret as SPSP hands it out, and of every derived key. */
    public static final int KEY_LENGTH = 32;
    /** Length of a fulfillment and of a condition. */
    public static final int FULFILLMENT_LENGTH = 32;

    static final String HMAC_SHA256 = "HmacSHA256";
    private static final byte[] ENCRYPTION_KEY_LABEL = "ilp_stream_encryption".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FULFILLMENT_KEY_LABEL = "ilp_stream_fulfillment".getBytes(StandardCharsets.US_ASCII);

    private StreamCrypto() {
    }

    /** The AES-256-GCM key of a connection: HMAC-SHA256(sharedSecret, "ilp_stream_encryption"). */
    public static byte[] encryptionKey(byte[] sharedSecret) {
        return hmacSha256(sharedSecret, ENCRYPTION_KEY_LABEL);
    }

    /** The key fulfillments are made with: HMAC-SHA256(sharedSecret, "ilp_stream_fulfillment"). */
    public static byte[] fulfillmentKey(byte[] sharedSecret) {
        return hmacSha256(sharedSecret, FULFILLMENT_KEY_LABEL);
    }

    /** The condition an ILP Prepare carries for this fulfillment: its SHA-256. */
    public static byte[] condition(byte[] fulfillment) {
        return sha256(fulfillment);
    }

    /** HMAC-SHA256 of {@code message} under {@code key}; any key length, as HMAC allows. */
    public static byte[] hmacSha256(byte[] key, byte[] message) {
        return newMac(key).doFinal(message);
    }

    public static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** A fresh Mac: Mac instances hold state and are not thread-safe, so none is shared between calls. */
    static Mac newMac(byte[] key) {
        if (key.length == 0) {
            // An empty key is legal for HMAC but SecretKeySpec refuses it; no STREAM secret is empty.
            throw new IllegalArgumentException("HMAC key must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides HmacSHA256", e);
        }
    }
}
