package org.kiungo.stream;

/**
 * The running total received on each STREAM connection: what a STREAM receipt states. Replicas that share one store
 * (Redis) sign consistent receipts for a connection whose packets reach different replicas.
 *
 * <p>Totals are signed 64-bit values that never exceed {@link Long#MAX_VALUE}, because that is what Redis counters
 * hold; 2^63-1 base units is more than any real connection receives, so the limit is an error, not a saturation.
 * An entry lives for the store's time to live after its last addition.
 */
public interface ConnectionTotals {
    /**
     * Adds {@code amount} to the connection's total and returns the new total.
     *
     * @param connectionId the connection, as {@link StreamConnection#connectionId()}
     * @param amount zero or more
     * @throws TotalsException when the total would exceed {@link Long#MAX_VALUE} (the total is unchanged), when an
     *     in-memory store is full, or when the shared store cannot be reached
     */
    long add(String connectionId, long amount);
}
