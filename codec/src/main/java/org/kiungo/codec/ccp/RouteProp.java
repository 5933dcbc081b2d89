package org.kiungo.codec.ccp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.oer.OerReader;
import org.kiungo.codec.oer.OerWriter;

/**
 * A property attached to a route, in the style of BGP path attributes. Wire layout: a flag byte
 * ({@code 0x80} optional, {@code 0x40} transitive, {@code 0x20} partial, {@code 0x10} UTF-8) | {@code id} (UInt16) |
 * {@code value} (var-length octets). When {@code utf8} is set the value must be valid UTF-8. The low four flag
 * bits are reserved: a prop that sets them is refused, so two nodes never read one prop differently. The value is
 * held, not copied.
 */
public record RouteProp(boolean optional, boolean transitive, boolean partial, boolean utf8, int id, byte[] value) {
    public static final int ID_MAX = 0xffff;
    /** Flag byte, id, and the shortest value. */
    static final int BYTES_MIN = 4;

    private static final int FLAG_OPTIONAL = 0x80;
    private static final int FLAG_TRANSITIVE = 0x40;
    private static final int FLAG_PARTIAL = 0x20;
    private static final int FLAG_UTF8 = 0x10;
    private static final int FLAGS_RESERVED = 0x0f;

    public RouteProp {
        Objects.requireNonNull(value, "value");
        if (id < 0 || id > ID_MAX) {
            throw new IllegalArgumentException("route prop id must be a UInt16: " + id);
        }
        if (utf8 && !isUtf8(value)) {
            throw new IllegalArgumentException("route prop value is flagged UTF-8 but is not");
        }
    }

    /** A prop whose value is text. */
    public static RouteProp text(boolean optional, boolean transitive, boolean partial, int id, String value) {
        return new RouteProp(optional, transitive, partial, true, id, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The value as text; only meaningful when {@link #utf8()} is set. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    void writeTo(OerWriter out) {
        int flags = (optional ? FLAG_OPTIONAL : 0) | (transitive ? FLAG_TRANSITIVE : 0)
                | (partial ? FLAG_PARTIAL : 0) | (utf8 ? FLAG_UTF8 : 0);
        out.writeUInt8(flags).writeUInt16(id).writeVarOctetString(value);
    }

    static RouteProp readFrom(OerReader in) throws DecodingException {
        int flags = in.readUInt8();
        if ((flags & FLAGS_RESERVED) != 0) {
            throw new DecodingException("route prop sets reserved flag bits");
        }
        int id = in.readUInt16();
        byte[] value = in.readVarOctetString("route prop value");
        boolean utf8 = (flags & FLAG_UTF8) != 0;
        if (utf8 && !isUtf8(value)) {
            throw new DecodingException("route prop value is flagged UTF-8 but is not");
        }
        return new RouteProp((flags & FLAG_OPTIONAL) != 0, (flags & FLAG_TRANSITIVE) != 0,
                (flags & FLAG_PARTIAL) != 0, utf8, id, value);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RouteProp p && optional == p.optional && transitive == p.transitive
                && partial == p.partial && utf8 == p.utf8 && id == p.id && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(optional, transitive, partial, utf8, id, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "RouteProp[id=" + id + ", optional=" + optional + ", transitive=" + transitive + ", partial="
                + partial + ", utf8=" + utf8 + ", value=" + value.length + " bytes]";
    }
}
