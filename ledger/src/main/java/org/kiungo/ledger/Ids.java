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
     * A random version-4 UUID. {@code UUID.randomUUID()} draws from a shared {@code SecureRandom}, which costs
     * microseconds under contention on the packet path; ids are unique, not secret, so a thread-local generator
     * with 122 random bits is enough.
     */
    public static UUID random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /** Whether {@code id} is one of the two reserved values. */
    public static boolean reserved(UUID id) {
        return id.equals(ZERO) || id.equals(MAX);
    }
}
