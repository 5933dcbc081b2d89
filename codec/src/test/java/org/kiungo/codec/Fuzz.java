package org.kiungo.codec;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.Assertions;

/**
 * Feeds a decoder seeded random inputs and checks that it only ever returns a value or throws
 * {@link DecodingException}. One jqwik try runs a whole batch: jqwik's own per-try cost would dominate at a
 * million cases, so a try draws a seed and this loop does the rest. A failure names the seed and the input.
 *
 * <p>Inputs are a mix of plain random bytes and mutated valid encodings (bit flips, interesting bytes, truncation,
 * extension, insertion, deletion, duplication and splicing), which keep most of a message intact and so reach
 * the decoder's deep paths.
 */
public final class Fuzz {
    private static final int[] INTERESTING = {0x00, 0x01, 0x02, 0x0c, 0x0d, 0x0e, 0x10, 0x20, 0x7f, 0x80, 0x81,
        0x82, 0x83, 0x84, 0x85, 0x88, 0xc0, 0xe0, 0xf0, 0xff};
    private static final int RANDOM_LENGTH_MAX = 300;

    /** A decoder under test. It may assert more about what it accepted (for example a canonical re-encoding). */
    @FunctionalInterface
    public interface Decoder {
        Object decode(byte[] input) throws DecodingException;
    }

    /** What a batch did: the decoder must both accept and refuse some inputs, or the inputs are too tame. */
    public record Outcome(int accepted, int refused) {
    }

    private Fuzz() {
    }

    /**
     * Runs {@code count} inputs drawn from {@code seed}: a quarter plain random bytes, the rest mutations of
     * {@code corpus} entries. Throws {@link AssertionError} naming the input if the decoder throws anything else.
     */
    public static Outcome run(long seed, int count, List<byte[]> corpus, Decoder decoder) {
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] input = corpus.isEmpty() || random.nextInt(4) == 0
                    ? randomBytes(random) : mutate(corpus, random);
            try {
                decoder.decode(input);
                accepted++;
            } catch (DecodingException expected) {
                // The one allowed failure.
            } catch (RuntimeException | Error e) {
                throw new AssertionError("seed " + seed + " input " + i + " threw " + e + " on "
                        + HexFormat.of().formatHex(input), e);
            }
        }
        return new Outcome(accepted, count - accepted);
    }

    /** Runs a batch and checks that it was neither all accepted nor all refused. */
    public static Outcome runMixed(long seed, int count, List<byte[]> corpus, Decoder decoder) {
        Outcome outcome = run(seed, count, corpus, decoder);
        Assertions.assertThat(outcome.accepted()).as("inputs accepted of " + count).isPositive();
        Assertions.assertThat(outcome.refused()).as("inputs refused of " + count).isPositive();
        return outcome;
    }

    public static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(RANDOM_LENGTH_MAX)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to three mutations of a random corpus entry. */
    public static byte[] mutate(List<byte[]> corpus, Random random) {
        byte[] bytes = corpus.get(random.nextInt(corpus.size()));
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            bytes = mutateOnce(bytes, corpus, random);
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] bytes, List<byte[]> corpus, Random random) {
        int n = bytes.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        return switch (random.nextInt(8)) {
            case 0 -> n == 0 ? bytes : with(bytes, at, (byte) (bytes[at] ^ (1 << random.nextInt(8))));
            case 1 -> n == 0 ? bytes : with(bytes, at, (byte) INTERESTING[random.nextInt(INTERESTING.length)]);
            case 2 -> Arrays.copyOf(bytes, n == 0 ? 0 : random.nextInt(n));
            case 3 -> concat(bytes, 0, n, randomBytes(random, 1 + random.nextInt(16)));
            case 4 -> concat(concat(bytes, 0, at, randomBytes(random, 1 + random.nextInt(4))), bytes, at, n);
            case 5 -> concat(bytes, 0, at, Arrays.copyOfRange(bytes, Math.min(n, at + 1 + random.nextInt(8)), n));
            case 6 -> concat(concat(bytes, 0, at, Arrays.copyOfRange(bytes, at, Math.min(n, at + 8))), bytes, at, n);
            default -> {
                byte[] other = corpus.get(random.nextInt(corpus.size()));
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                yield concat(bytes, 0, at, Arrays.copyOfRange(other, from, other.length));
            }
        };
    }

    private static byte[] with(byte[] bytes, int at, byte value) {
        byte[] copy = bytes.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] head, int from, int to, byte[] tail) {
        byte[] out = Arrays.copyOf(Arrays.copyOfRange(head, from, to), to - from + tail.length);
        System.arraycopy(tail, 0, out, to - from, tail.length);
        return out;
    }

    private static byte[] concat(byte[] head, byte[] source, int from, int to) {
        return concat(head, 0, head.length, Arrays.copyOfRange(source, from, to));
    }
}
