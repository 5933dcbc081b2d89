package org.kiungo.codec.ilp;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An ILP Prepare. {@code amount} is an unsigned 64-bit integer in the sender's asset base unit. Byte arrays are
 * held, not copied: the packet owns them and nobody may change them.
 */
public record Prepare(long amount, Instant expiresAt, byte[] executionCondition, IlpAddress destination,
                      byte[] data) implements InterledgerPacket {
    public static final int CONDITION_LENGTH = 32;

    public Prepare {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(data, "data");
        if (executionCondition == null || executionCondition.length != CONDITION_LENGTH) {
            throw new IllegalArgumentException("execution condition must be " + CONDITION_LENGTH + " bytes");
        }
        if (data.length > DATA_LENGTH_MAX) {
            throw new IllegalArgumentException("data is longer than " + DATA_LENGTH_MAX + " bytes");
        }
    }

    public Prepare withAmount(long newAmount) {
        return new Prepare(newAmount, expiresAt, executionCondition, destination, data);
    }

    public Prepare withExpiresAt(Instant newExpiresAt) {
        return new Prepare(amount, newExpiresAt, executionCondition, destination, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Prepare p && amount == p.amount && expiresAt.equals(p.expiresAt)
                && Arrays.equals(executionCondition, p.executionCondition) && destination.equals(p.destination)
                && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, expiresAt, Arrays.hashCode(executionCondition), destination,
                Arrays.hashCode(data));
    }

    /** Never prints the data: it may hold an encrypted payment or a secret. */
    @Override
    public String toString() {
        return "Prepare[amount=" + Long.toUnsignedString(amount) + ", expiresAt=" + expiresAt
                + ", destination=" + destination + ", data=" + data.length + " bytes]";
    }
}
