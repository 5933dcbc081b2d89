package org.kiungo.ledger;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Transfer and account ids. Ids are 128-bit values chosen by the client, as in TigerBeetle; zero and all ones are
 * reserved ("none" and "maximum").
 */
public final class Ids {
    /** The reserved id meaning "no id", e.g. the {@code pendingId} of a transfer that settles nothing. */
    public static final UUID ZERO = new UUID(0, 0);
    /** The reserved id 2^128 - 1. */
    public static final UUID MAX = new UUID(-1L, -1L);

    private Ids() {
    }

    /**
     * A fresh time-ordered id: a version-7 UUID, 48 bits of milliseconds since the epoch then 74 random bits. Ids
     * made later sort later, so a database index takes them at its right edge rather than at random pages, and
     * the embedded engine can tell from an id alone that it is newer than anything it has archived (see
     * {@link #timeOrderedMillis}). {@code UUID.randomUUID()} draws from a shared {@code SecureRandom}, which costs
     * microseconds under contention on the packet path; ids are unique, not secret, so a thread-local generator
     * is enough.
     */
    public static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long least = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /**
     * The milliseconds a version-7 id carries, or -1 for any other id (client-chosen random ids, for example).
     * Nothing stops a client from choosing a version-7 id with any time in it: the value says where the id sorts,
     * not when it was made.
     */
    public static long timeOrderedMillis(UUID id) {
        return id.version() == 7 && id.variant() == 2 ? id.getMostSignificantBits() >>> 16 : -1;
    }

    /** Whether {@code id} is one of the two reserved values. */
    public static boolean reserved(UUID id) {
        return id.equals(ZERO) || id.equals(MAX);
    }
}
