package org.kiungo.codec.oer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.kiungo.codec.DecodingException;

/**
 * Reads canonical OER (RFC 30) from a byte array window. Every read checks the remaining bytes first, so a length
 * prefix larger than the input is a {@link DecodingException}, never an allocation or an index error.
 */
public final class OerReader {
    /** VarUInts longer than this do not fit an unsigned 64-bit value. */
    public static final int VAR_UINT_LENGTH_MAX = 8;

    private final byte[] buffer;
    private final int end;
    private int position;

    public OerReader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    public OerReader(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("window outside the buffer");
        }
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
    }

    public int remaining() {
        return end - position;
    }

    public boolean hasRemaining() {
        return position < end;
    }

    /** Fails when bytes are left: ILP envelopes are strict, trailing bytes make a packet invalid. */
    public void requireEnd(String what) throws DecodingException {
        if (position != end) {
            throw new DecodingException(what + " has " + remaining() + " unexpected trailing bytes");
        }
    }

    public int readUInt8() throws DecodingException {
        require(1, "UInt8");
        return buffer[position++] & 0xff;
    }

    public int peekUInt8() throws DecodingException {
        require(1, "UInt8");
        return buffer[position] & 0xff;
    }

    public int readUInt16() throws DecodingException {
        return (int) readUnsigned(2, "UInt16");
    }

    public long readUInt32() throws DecodingException {
        return readUnsigned(4, "UInt32");
    }

    /** An unsigned 64-bit value in a {@code long}: compare and print with {@link Long}'s unsigned methods. */
    public long readUInt64() throws DecodingException {
        return readUnsigned(8, "UInt64");
    }

    /**
     * A canonical length determinant: short form below 128, long form only above, no leading zero bytes, and no
     * length beyond what a Java array can hold.
     */
    public int readLength() throws DecodingException {
        int first = readUInt8();
        if (first < 0x80) {
            return first;
        }
        int lengthOfLength = first & 0x7f;
        if (lengthOfLength == 0) {
            throw new DecodingException("indefinite length determinant (0x80) is not allowed");
        }
        if (lengthOfLength > 4) {
            throw new DecodingException("length determinant of " + lengthOfLength + " bytes is too large");
        }
        require(lengthOfLength, "length determinant");
        if (buffer[position] == 0) {
            throw new DecodingException("length determinant has a leading zero byte");
        }
        long length = readUnsigned(lengthOfLength, "length determinant");
        if (length < 0x80) {
            throw new DecodingException("long-form length determinant used for length " + length);
        }
        if (length > Integer.MAX_VALUE) {
            throw new DecodingException("length " + length + " is too large");
        }
        return (int) length;
    }

    /** A length prefix that must also fit in what is left of the input. */
    public int readLengthWithin(String what) throws DecodingException {
        int length = readLength();
        require(length, what);
        return length;
    }

    public byte[] readOctets(int length, String what) throws DecodingException {
        require(length, what);
        byte[] out = new byte[length];
        System.arraycopy(buffer, position, out, 0, length);
        position += length;
        return out;
    }

    public byte[] readVarOctetString(String what) throws DecodingException {
        return readOctets(readLengthWithin(what), what);
    }

    /** A reader over the next length-prefixed octet string, without copying it. */
    public OerReader readVarOctetStringAsReader(String what) throws DecodingException {
        int length = readLengthWithin(what);
        OerReader inner = new OerReader(buffer, position, length);
        position += length;
        return inner;
    }

    public String readVarAscii(String what) throws DecodingException {
        int length = readLengthWithin(what);
        for (int i = position; i < position + length; i++) {
            if (buffer[i] < 0) {
                throw new DecodingException(what + " is not ASCII");
            }
        }
        String text = new String(buffer, position, length, StandardCharsets.US_ASCII);
        position += length;
        return text;
    }

    public String readVarUtf8(String what) throws DecodingException {
        return Utf8.decode(readVarOctetString(what), what);
    }

    /** A VarUInt (length-prefixed big-endian unsigned integer) of at most 8 bytes, with no leading zero byte. */
    public long readVarUInt() throws DecodingException {
        int length = readVarUIntLength();
        if (length > VAR_UINT_LENGTH_MAX) {
            throw new DecodingException("VarUInt of " + length + " bytes exceeds 64 bits");
        }
        return readUnsigned(length, "VarUInt");
    }

    /** A VarUInt where values beyond 64 bits become 2^64-1 (STREAM's receiveMax and sendMax, RFC 29 §5.1.4). */
    public long readVarUIntSaturating() throws DecodingException {
        int length = readVarUIntLength();
        if (length > VAR_UINT_LENGTH_MAX) {
            require(length, "VarUInt");
            position += length;
            return -1L;
        }
        return readUnsigned(length, "VarUInt");
    }

    /** The fixed 17-character ILP timestamp {@code YYYYMMDDHHmmssSSS}, UTC. */
    public Instant readTimestamp() throws DecodingException {
        byte[] digits = readOctets(IlpTimestamp.LENGTH, "timestamp");
        return IlpTimestamp.decode(digits);
    }

    private int readVarUIntLength() throws DecodingException {
        int length = readLengthWithin("VarUInt");
        if (length == 0) {
            throw new DecodingException("VarUInt of zero length");
        }
        // Canonical means minimal: 02 00 05 would read as 5 but re-encode as 01 05, so one value had two forms.
        if (length > 1 && buffer[position] == 0) {
            throw new DecodingException("VarUInt has a leading zero byte");
        }
        return length;
    }

    private long readUnsigned(int length, String what) throws DecodingException {
        require(length, what);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (buffer[position++] & 0xff);
        }
        return value;
    }

    private void require(int length, String what) throws DecodingException {
        if (length > end - position) {
            throw new DecodingException(what + " needs " + length + " bytes but " + remaining() + " remain");
        }
    }
}
