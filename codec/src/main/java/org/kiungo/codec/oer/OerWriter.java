package org.kiungo.codec.oer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/** Writes canonical OER into a growable buffer: minimal VarUInts and length determinants. */
public final class OerWriter {
    private static final int INITIAL_CAPACITY = 64;

    private byte[] buffer;
    private int size;

    public OerWriter() {
        this(INITIAL_CAPACITY);
    }

    public OerWriter(int initialCapacity) {
        buffer = new byte[Math.max(initialCapacity, 1)];
    }

    public int size() {
        return size;
    }

    /** The bytes written; without a copy when the initial capacity was exact. */
    public byte[] toByteArray() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    public OerWriter writeUInt8(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("UInt8 out of range: " + value);
        }
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public OerWriter writeUInt16(int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("UInt16 out of range: " + value);
        }
        return writeUnsigned(value, 2);
    }

    public OerWriter writeUInt32(long value) {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new IllegalArgumentException("UInt32 out of range: " + value);
        }
        return writeUnsigned(value, 4);
    }

    /** Writes {@code value} as an unsigned 64-bit integer. */
    public OerWriter writeUInt64(long value) {
        return writeUnsigned(value, 8);
    }

    public OerWriter writeLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("negative length: " + length);
        }
        if (length < 0x80) {
            return writeUInt8(length);
        }
        int bytes = byteCount(length);
        writeUInt8(0x80 | bytes);
        return writeUnsigned(length, bytes);
    }

    public OerWriter writeOctets(byte[] bytes) {
        return writeOctets(bytes, 0, bytes.length);
    }

    public OerWriter writeOctets(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    public OerWriter writeVarOctetString(byte[] bytes) {
        writeLength(bytes.length);
        return writeOctets(bytes);
    }

    public OerWriter writeVarAscii(String text) {
        return writeVarOctetString(text.getBytes(StandardCharsets.US_ASCII));
    }

    public OerWriter writeVarUtf8(String text) {
        return writeVarOctetString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code value}, read as unsigned, in the fewest bytes (zero is {@code 01 00}). */
    public OerWriter writeVarUInt(long value) {
        int bytes = byteCount(value);
        writeUInt8(bytes);
        return writeUnsigned(value, bytes);
    }

    public OerWriter writeTimestamp(Instant instant) {
        ensure(IlpTimestamp.LENGTH);
        IlpTimestamp.encodeInto(instant, buffer, size);
        size += IlpTimestamp.LENGTH;
        return this;
    }

    /** The bytes a length determinant for {@code length} takes. */
    public static int lengthPrefixSize(int length) {
        return length < 0x80 ? 1 : 1 + byteCount(length);
    }

    /** Writes what {@code body} writes as one length-prefixed octet string (an envelope). */
    public OerWriter writeEnveloped(Consumer<OerWriter> body) {
        OerWriter inner = new OerWriter();
        body.accept(inner);
        writeLength(inner.size);
        return writeOctets(inner.buffer, 0, inner.size);
    }

    private static int byteCount(long unsignedValue) {
        int bits = 64 - Long.numberOfLeadingZeros(unsignedValue);
        return Math.max(1, (bits + 7) / 8);
    }

    private OerWriter writeUnsigned(long value, int bytes) {
        ensure(bytes);
        for (int i = bytes - 1; i >= 0; i--) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    private void ensure(int extra) {
        if (size + extra > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + extra));
        }
    }
}
