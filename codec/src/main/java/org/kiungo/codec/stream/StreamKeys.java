package org.kiungo.codec.stream;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.kiungo.codec.DecodingException;

/**
 * The keys of one STREAM connection, derived once from its shared secret (RFC 29 §5.1 and §6): encrypts and
 * decrypts STREAM packets, and computes the fulfillment and condition of encrypted data. Immutable and thread-safe;
 * the stateful {@link Cipher} and {@link Mac} objects are made per call and never shared.
 *
 * <p>Wire form: {@code nonce(12) | tag(16) | ciphertext}, AES-256-GCM without associated data. The tag comes
 * before the ciphertext, while Java's GCM writes it after, so it is moved both ways.
 */
public final class StreamKeys {
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    /** Bytes that encryption adds to a STREAM packet. */
    public static final int OVERHEAD = NONCE_LENGTH + TAG_LENGTH;
    /** The largest encrypted packet: all of an ILP packet's data field (RFC 27). */
    public static final int ENCRYPTED_BYTES_MAX = 32_767;
    /** The largest packet that still fits an ILP data field once encrypted. */
    public static final int PLAINTEXT_BYTES_MAX = ENCRYPTED_BYTES_MAX - OVERHEAD;

    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int TAG_BITS = TAG_LENGTH * Byte.SIZE;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fills a nonce; tests inject a fixed one, production uses {@link SecureRandom}. Must be thread-safe. */
    @FunctionalInterface
    public interface NonceSource {
        void fill(byte[] nonce);
    }

    private final SecretKeySpec encryptionKey;
    private final byte[] fulfillmentKey;
    /** Initialised once and only ever cloned, which is cheaper than a fresh getInstance and init per call. */
    private final Mac fulfillmentMacPrototype;
    private final NonceSource nonceSource;

    private StreamKeys(byte[] encryptionKey, byte[] fulfillmentKey, NonceSource nonceSource) {
        if (encryptionKey.length != StreamCrypto.KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes, not " + encryptionKey.length);
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.fulfillmentKey = fulfillmentKey.clone();
        this.fulfillmentMacPrototype = StreamCrypto.newMac(this.fulfillmentKey);
        this.nonceSource = Objects.requireNonNull(nonceSource, "nonceSource");
    }

    /** Derives both keys from the shared secret of a connection (32 bytes from SPSP; any non-empty length works). */
    public static StreamKeys fromSharedSecret(byte[] sharedSecret) {
        return new StreamKeys(StreamCrypto.encryptionKey(sharedSecret), StreamCrypto.fulfillmentKey(sharedSecret),
                RANDOM::nextBytes);
    }

    /** Uses keys already derived by {@link StreamCrypto#encryptionKey} and {@link StreamCrypto#fulfillmentKey}. */
    public static StreamKeys fromDerivedKeys(byte[] encryptionKey, byte[] fulfillmentKey) {
        return new StreamKeys(encryptionKey, fulfillmentKey, RANDOM::nextBytes);
    }

    /** The same keys with another nonce source: for known-answer tests; never reuse a nonce in production. */
    public StreamKeys withNonceSource(NonceSource source) {
        return new StreamKeys(encryptionKey.getEncoded(), fulfillmentKey, source);
    }

    /** Encrypts a STREAM packet of at most {@link #PLAINTEXT_BYTES_MAX} bytes under a fresh nonce. */
    public byte[] encrypt(byte[] plaintext) {
        if (plaintext.length > PLAINTEXT_BYTES_MAX) {
            throw new IllegalArgumentException("STREAM packet of " + plaintext.length + " bytes exceeds "
                    + PLAINTEXT_BYTES_MAX + " and would not fit an ILP packet once encrypted");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        nonceSource.fill(nonce);
        byte[] out = new byte[OVERHEAD + plaintext.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            // Java writes ciphertext | tag after the nonce; the wire wants tag | ciphertext.
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed", e);
        }
        byte[] tag = Arrays.copyOfRange(out, NONCE_LENGTH + plaintext.length, out.length);
        System.arraycopy(out, NONCE_LENGTH, out, OVERHEAD, plaintext.length);
        System.arraycopy(tag, 0, out, NONCE_LENGTH, TAG_LENGTH);
        return out;
    }

    /**
     * Decrypts the data of an ILP packet. Data too short, too long, under another key or altered in transit is a
     * {@link DecodingException}; a receiver answers it with F06 Unexpected Payment (RFC 29 §5.1).
     */
    public byte[] decrypt(byte[] data) throws DecodingException {
        if (data.length < OVERHEAD || data.length > ENCRYPTED_BYTES_MAX) {
            throw new DecodingException("encrypted STREAM packet of " + data.length + " bytes is outside "
                    + OVERHEAD + ".." + ENCRYPTED_BYTES_MAX);
        }
        int ciphertextLength = data.length - OVERHEAD;
        byte[] plaintext = new byte[ciphertextLength];
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_LENGTH));
            // Java expects ciphertext | tag: feed the ciphertext first, then the tag, without copying either.
            int written = cipher.update(data, OVERHEAD, ciphertextLength, plaintext, 0);
            written += cipher.doFinal(data, NONCE_LENGTH, TAG_LENGTH, plaintext, written);
            if (written != ciphertextLength) {
                throw new IllegalStateException("AES-256-GCM returned " + written + " of " + ciphertextLength);
            }
        } catch (AEADBadTagException e) {
            throw new DecodingException("STREAM packet does not decrypt: wrong key or corrupted data", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed", e);
        }
        return plaintext;
    }

    /** The fulfillment of an ILP Prepare whose data is {@code encryptedData}: HMAC-SHA256(fulfillmentKey, data). */
    public byte[] fulfillment(byte[] encryptedData) {
        return newFulfillmentMac().doFinal(encryptedData);
    }

    /** The condition a sender puts on a Prepare carrying {@code encryptedData}, so the receiver can fulfill it. */
    public byte[] condition(byte[] encryptedData) {
        return StreamCrypto.condition(fulfillment(encryptedData));
    }

    private Mac newFulfillmentMac() {
        try {
            return (Mac) fulfillmentMacPrototype.clone();
        } catch (CloneNotSupportedException e) {
            // Some providers cannot clone a Mac; a fresh one costs a little more and gives the same answer.
            return StreamCrypto.newMac(fulfillmentKey);
        }
    }

    @Override
    public String toString() {
        return "StreamKeys[redacted]";
    }
}
