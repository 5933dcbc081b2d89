package org.kiungo.codec.ccp;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/** Reading and writing the fields CCP messages share: addresses, routing-table ids and SEQUENCE OF counts. */
final class CcpFields {
    static final int UUID_LENGTH = 16;
    /** The fewest bytes an encoded address takes: a length byte and {@code g.a}. */
    static final int ADDRESS_BYTES_MIN = 4;

    private CcpFields() {
    }

    static IlpAddress readAddress(OerReader in, String what) throws DecodingException {
        String value = in.readVarAscii(what);
        String problem = IlpAddress.problem(value);
        if (problem != null) {
            throw new DecodingException(what + ": " + problem);
        }
        return IlpAddress.of(value);
    }

    static void writeAddress(OerWriter out, IlpAddress address) {
        out.writeVarAscii(address.value());
    }

    static UUID readUuid(OerReader in, String what) throws DecodingException {
        ByteBuffer bytes = ByteBuffer.wrap(in.readOctets(UUID_LENGTH, what));
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    static void writeUuid(OerWriter out, UUID id) {
        out.writeUInt64(id.getMostSignificantBits()).writeUInt64(id.getLeastSignificantBits());
    }

    /**
     * A SEQUENCE OF count (a VarUInt, trap 11 of the vectors). It must not exceed {@code max}, nor the number of
     * elements of at least {@code elementBytesMin} bytes that the remaining input could hold, so a caller can size
     * a list by it without trusting the sender.
     */
    static int readCount(OerReader in, int max, int elementBytesMin, String what) throws DecodingException {
        long count = in.readVarUInt();
        if (Long.compareUnsigned(count, max) > 0) {
            throw new DecodingException(what + " count " + Long.toUnsignedString(count) + " exceeds " + max);
        }
        if (count > in.remaining() / elementBytesMin) {
            throw new DecodingException(what + " count " + count + " is more than " + in.remaining()
                    + " remaining bytes can hold");
        }
        return (int) count;
    }

    /** Checks a list size when a message is built, so that whatever we encode we also decode. */
    static void requireAtMost(int size, int max, String what) {
        if (size > max) {
            throw new IllegalArgumentException(what + " has " + size + " entries, more than " + max);
        }
    }

    static void requireUInt32(long value, String what) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException(what + " must be a UInt32: " + value);
        }
    }
}
