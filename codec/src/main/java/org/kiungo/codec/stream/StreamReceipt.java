package org.kiungo.codec.stream;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * A STREAM receipt (RFC 39): the receiver's signed statement of the total received on a stream, which a third party
 * holding the receipt secret can verify. 58 bytes: {@code version(1) | nonce(16) | streamId UInt8 |
 * totalReceived UInt64 | HMAC-SHA256(secret, first 26 bytes)}.
 *
 * @param nonce the 16-byte nonce the verifier chose when the connection was set up
 * @param streamId the stream, 0 to 255: one byte here, although stream ids in frames are VarUInts
 * @param totalReceived unsigned 64-bit total received on the stream, in the receiver's units
 * @param hmac the 32-byte HMAC over the first 26 bytes; {@link #verify} checks it
 */
public record StreamReceipt(byte[] nonce, int streamId, long totalReceived, byte[] hmac) {
    public static final int VERSION = 1;
    public static final int NONCE_LENGTH = 16;
    public static final int SECRET_LENGTH = 32;
    public static final int HMAC_LENGTH = 32;
    /** Bytes covered by the HMAC: version, nonce, stream id and total. */
    public static final int SIGNED_LENGTH = 1 + NONCE_LENGTH + 1 + Long.BYTES;
    public static final int LENGTH = SIGNED_LENGTH + HMAC_LENGTH;
    public static final int STREAM_ID_MAX = 0xff;

    /** Checks lengths and ranges, and copies the arrays so the receipt cannot change after it is built. */
    public StreamReceipt {
        nonce = requireLength(nonce, NONCE_LENGTH, "receipt nonce");
        hmac = requireLength(hmac, HMAC_LENGTH, "receipt HMAC");
        if (streamId < 0 || streamId > STREAM_ID_MAX) {
            throw new IllegalArgumentException("receipt stream id must fit one byte: " + streamId);
        }
    }

    /** Signs a receipt with the 32-byte receipt secret the verifier shared with the receiver. */
    public static StreamReceipt create(byte[] secret, byte[] nonce, int streamId, long totalReceived) {
        requireLength(secret, SECRET_LENGTH, "receipt secret");
        requireLength(nonce, NONCE_LENGTH, "receipt nonce");
        if (streamId < 0 || streamId > STREAM_ID_MAX) {
            throw new IllegalArgumentException("receipt stream id must fit one byte: " + streamId);
        }
        byte[] signed = signedBytes(nonce, streamId, totalReceived);
        return new StreamReceipt(nonce, streamId, totalReceived, StreamCrypto.hmacSha256(secret, signed));
    }

    /** Reads exactly {@link #LENGTH} bytes of version 1; the HMAC is not checked here, {@link #verify} does. */
    public static StreamReceipt decode(byte[] bytes) throws DecodingException {
        if (bytes.length != LENGTH) {
            throw new DecodingException("STREAM receipt must be " + LENGTH + " bytes, not " + bytes.length);
        }
        OerReader reader = new OerReader(bytes);
        int version = reader.readUInt8();
        if (version != VERSION) {
            throw new DecodingException("unsupported STREAM receipt version " + version);
        }
        byte[] nonce = reader.readOctets(NONCE_LENGTH, "receipt nonce");
        int streamId = reader.readUInt8();
        long totalReceived = reader.readUInt64();
        byte[] hmac = reader.readOctets(HMAC_LENGTH, "receipt HMAC");
        return new StreamReceipt(nonce, streamId, totalReceived, hmac);
    }

    public byte[] encode() {
        return new OerWriter(LENGTH).writeOctets(signedBytes(nonce, streamId, totalReceived)).writeOctets(hmac)
                .toByteArray();
    }

    /** Whether the HMAC matches {@code secret}, compared in constant time so a forger learns nothing from timing. */
    public boolean verify(byte[] secret) {
        requireLength(secret, SECRET_LENGTH, "receipt secret");
        Mac mac = StreamCrypto.newMac(secret);
        byte[] expected = mac.doFinal(signedBytes(nonce, streamId, totalReceived));
        return MessageDigest.isEqual(expected, hmac);
    }

    /** The nonce; callers must not modify the returned array. */
    @Override
    public byte[] nonce() {
        return nonce;
    }

    /** The HMAC; callers must not modify the returned array. */
    @Override
    public byte[] hmac() {
        return hmac;
    }

    private static byte[] signedBytes(byte[] nonce, int streamId, long totalReceived) {
        return new OerWriter(SIGNED_LENGTH).writeUInt8(VERSION).writeOctets(nonce).writeUInt8(streamId)
                .writeUInt64(totalReceived).toByteArray();
    }

    private static byte[] requireLength(byte[] bytes, int length, String what) {
        Objects.requireNonNull(bytes, what);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + bytes.length);
        }
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamReceipt that && streamId == that.streamId
                && totalReceived == that.totalReceived && Arrays.equals(nonce, that.nonce)
                && Arrays.equals(hmac, that.hmac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streamId, totalReceived, Arrays.hashCode(nonce), Arrays.hashCode(hmac));
    }

    @Override
    public String toString() {
        return "StreamReceipt[streamId=" + streamId + ", totalReceived=" + Long.toUnsignedString(totalReceived)
                + ", nonce=" + NONCE_LENGTH + " bytes, hmac=" + HMAC_LENGTH + " bytes]";
    }
}
