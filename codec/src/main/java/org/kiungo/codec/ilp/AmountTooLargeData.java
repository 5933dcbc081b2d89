package org.kiungo.codec.ilp;

import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * The data of an F08 Reject: how much arrived and the most the rejecting node accepts, both unsigned 64-bit, so
 * the sender can resize its packets.
 */
public record AmountTooLargeData(long receivedAmount, long maximumAmount) {
    public static final int LENGTH = 16;

    public byte[] encode() {
        return new OerWriter(LENGTH).writeUInt64(receivedAmount).writeUInt64(maximumAmount).toByteArray();
    }

    /** Reads the data of an F08 Reject; bytes after the two amounts are ignored, as RFC 30 asks. */
    public static AmountTooLargeData decode(byte[] data) throws DecodingException {
        OerReader in = new OerReader(data);
        return new AmountTooLargeData(in.readUInt64(), in.readUInt64());
    }

    @Override
    public String toString() {
        return "AmountTooLargeData[receivedAmount=" + Long.toUnsignedString(receivedAmount) + ", maximumAmount="
                + Long.toUnsignedString(maximumAmount) + "]";
    }
}
