package org.kiungo.codec.oer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.kiungo.codec.DecodingException;

/**
 * The fixed 17-digit ILP timestamp {@code YYYYMMDDHHmmssSSS} in UTC (RFC 30). Encoding truncates to the
 * millisecond; decoding accepts only real calendar instants (no second 60, no hour 24).
 */
public final class IlpTimestamp {
    public static final int LENGTH = 17;
    /** The largest instant the format can hold. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");
    public static final Instant MIN = Instant.parse("0000-01-01T00:00:00.000Z");

    private IlpTimestamp() {
    }

    public static byte[] encode(Instant instant) {
        byte[] out = new byte[LENGTH];
        encodeInto(instant, out, 0);
        return out;
    }

    /** Writes the 17 digits at {@code offset}; digit by digit because this runs once per packet. */
    static void encodeInto(Instant instant, byte[] out, int offset) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException("instant outside the ILP timestamp range: " + instant);
        }
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        digits(out, offset, t.getYear(), 4);
        digits(out, offset + 4, t.getMonthValue(), 2);
        digits(out, offset + 6, t.getDayOfMonth(), 2);
        digits(out, offset + 8, t.getHour(), 2);
        digits(out, offset + 10, t.getMinute(), 2);
        digits(out, offset + 12, t.getSecond(), 2);
        digits(out, offset + 14, t.getNano() / 1_000_000, 3);
    }

    private static void digits(byte[] out, int offset, int value, int count) {
        for (int i = offset + count - 1; i >= offset; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant decode(byte[] digits) throws DecodingException {
        if (digits.length != LENGTH) {
            throw new DecodingException("timestamp must be " + LENGTH + " digits");
        }
        for (byte b : digits) {
            if (b < '0' || b > '9') {
                throw new DecodingException("timestamp must contain only digits");
            }
        }
        try {
            return LocalDateTime.of(number(digits, 0, 4), number(digits, 4, 2), number(digits, 6, 2),
                            number(digits, 8, 2), number(digits, 10, 2), number(digits, 12, 2),
                            number(digits, 14, 3) * 1_000_000)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new DecodingException("timestamp is not a valid UTC instant", e);
        }
    }

    private static int number(byte[] digits, int offset, int length) {
        int value = 0;
        for (int i = offset; i < offset + length; i++) {
            value = value * 10 + (digits[i] - '0');
        }
        return value;
    }
}
