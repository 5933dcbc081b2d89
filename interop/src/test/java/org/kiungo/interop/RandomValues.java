package org.kiungo.interop;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * Seeded random field values, biased towards the edges where implementations differ: zero, 2^63 and 2^64-1,
 * empty and maximum lengths, non-ASCII text. The seed is printed with every failure; rerun one with
 * {@code -Dkiungo.interop.seed=...}.
 */
final class RandomValues {
    private static final long DEFAULT_SEED = 0x4b69756e676fL;
    private static final long[] UINT64_EDGES = {0, 1, 0x7f, 0x80, 0xff, 0x100, Long.MAX_VALUE, Long.MIN_VALUE, -1};
    private static final long[] UINT32_EDGES = {0, 1, 0xff, 0xffff, 0x7fff_ffffL, 0xffff_ffffL};
    private static final List<String> SCHEMES = List.copyOf(IlpAddress.SCHEMES);
    private static final String SEGMENT_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_~-";
    /** Code points from every UTF-8 length: ASCII, Latin, Greek, CJK, emoji (a surrogate pair in Java). */
    private static final int[] CODE_POINTS = {'a', 'Z', ' ', '.', 0, 0x7f, 0xe9, 0x3a9, 0x4e2d, 0xfffd, 0x1f600};
    /** Years 1000 to 9999: the four-digit years both implementations write (see the ILP interop test). */
    private static final long EPOCH_MS_MIN = Instant.parse("1000-01-01T00:00:00Z").toEpochMilli();
    private static final long EPOCH_MS_MAX = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    private final long baseSeed;
    private final Random random;

    private RandomValues(long baseSeed, String testName) {
        this.baseSeed = baseSeed;
        this.random = new Random(baseSeed ^ testName.hashCode());
    }

    /** Values for one test: the base seed mixed with the test's name, so each test draws its own sequence. */
    static RandomValues forTest(String testName) {
        return new RandomValues(Long.getLong("kiungo.interop.seed", DEFAULT_SEED), testName);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** An unsigned 64-bit value in a long: an edge a third of the time, otherwise of random bit length. */
    long uint64() {
        if (chance(33)) {
            return UINT64_EDGES[random.nextInt(UINT64_EDGES.length)];
        }
        return random.nextLong() >>> random.nextInt(Long.SIZE);
    }

    long uint32() {
        return chance(33) ? UINT32_EDGES[random.nextInt(UINT32_EDGES.length)] : uint64() & 0xffff_ffffL;
    }

    byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Empty, full-size or short, so both length-prefix forms (one byte and long) are exercised. */
    byte[] bytesUpTo(int max) {
        int length = chance(10) ? 0 : chance(5) ? max : chance(70) ? random.nextInt(Math.min(max, 130) + 1)
                : random.nextInt(max + 1);
        return bytes(length);
    }

    /** Text of up to {@code codePointsMax} code points from every UTF-8 length, including emoji. */
    String text(int codePointsMax) {
        int count = chance(10) ? 0 : random.nextInt(codePointsMax + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.appendCodePoint(chance(50) ? CODE_POINTS[random.nextInt(CODE_POINTS.length)]
                    : 0x20 + random.nextInt(0x5f));
        }
        return text.toString();
    }

    /** A valid address: a known scheme and one to five segments; now and then one of the maximum length. */
    IlpAddress address() {
        StringBuilder address = new StringBuilder(SCHEMES.get(random.nextInt(SCHEMES.size())));
        int segments = between(1, 5);
        for (int i = 0; i < segments; i++) {
            address.append('.');
            int length = between(1, 12);
            for (int j = 0; j < length; j++) {
                address.append(SEGMENT_CHARACTERS.charAt(random.nextInt(SEGMENT_CHARACTERS.length())));
            }
        }
        if (chance(3)) {
            address.append('.').append("x".repeat(IlpAddress.LENGTH_MAX - address.length() - 1));
        }
        return IlpAddress.of(address.toString());
    }

    /** A millisecond instant with a four-digit year. */
    Instant instant() {
        return Instant.ofEpochMilli(EPOCH_MS_MIN + Math.floorMod(random.nextLong(), EPOCH_MS_MAX - EPOCH_MS_MIN + 1));
    }

    @Override
    public String toString() {
        return "-Dkiungo.interop.seed=" + baseSeed;
    }
}
