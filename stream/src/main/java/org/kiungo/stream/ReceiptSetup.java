package org.kiungo.stream;

import java.util.Arrays;
import java.util.Objects;
import org.kiungo.codec.stream.StreamReceipt;

/**
 * The receipt nonce and secret a verifier shares with the receiver through SPSP (RFC 39), so the receiver can sign
 * STREAM receipts for one connection. The secret never appears in {@link #toString()}.
 *
 * @param nonce 16 bytes, copied into every receipt of the connection
 * @param secret 32 bytes, the HMAC key receipts are signed with
 */
public record ReceiptSetup(byte[] nonce, byte[] secret) {
    /** Checks the lengths and copies both arrays. */
    public ReceiptSetup {
        nonce = copyOfLength(nonce, StreamReceipt.NONCE_LENGTH, "receipt nonce");
        secret = copyOfLength(secret, StreamReceipt.SECRET_LENGTH, "receipt secret");
    }

    /** The nonce; callers must not modify the returned array. */
    @Override
    public byte[] nonce() {
        return nonce;
    }

    /** The secret; callers must not modify the returned array. */
    @Override
    public byte[] secret() {
        return secret;
    }

    private static byte[] copyOfLength(byte[] bytes, int length, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + bytes.length);
        }
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceiptSetup that && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(secret);
    }

    /** Never shows the secret, nor the nonce. */
    @Override
    public String toString() {
        return "ReceiptSetup[redacted]";
    }
}
