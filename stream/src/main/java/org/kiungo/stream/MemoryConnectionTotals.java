package org.kiungo.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection totals in this process, for a single node without Redis. Bounded: at most {@code entriesMax} live
 * connections; when full, expired entries are swept, and if none has expired a new connection is refused with
 * {@link TotalsException.Reason#FULL} (existing ones still add). Thread-safe; time comes from the injected clock.
 * Concurrent first additions may pass the bound by at most the number of threads adding at that moment.
 */
public final class MemoryConnectionTotals implements ConnectionTotals {
    /** The default bound on live connections. */
    public static final int ENTRIES_MAX = 100_000;
    /** The default time an idle connection's total is kept, as long as a receipt verifier cares about it. */
    public static final Duration TTL = Duration.ofHours(24);

    private record Entry(long total, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int entriesMax;
    private final long ttlMillis;

    public MemoryConnectionTotals(Clock clock) {
        this(clock, ENTRIES_MAX, TTL);
    }

    public MemoryConnectionTotals(Clock clock, int entriesMax, Duration ttl) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (entriesMax < 1) {
            throw new IllegalArgumentException("entriesMax must be at least 1: " + entriesMax);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.entriesMax = entriesMax;
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public long add(String connectionId, long amount) {
        Objects.requireNonNull(connectionId, "connectionId");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        long now = clock.millis();
        if (!entries.containsKey(connectionId) && entries.size() >= entriesMax) {
            entries.values().removeIf(entry -> entry.expiresAtMillis <= now);
            if (entries.size() >= entriesMax) {
                throw new TotalsException(TotalsException.Reason.FULL,
                        "connection totals hold their maximum of " + entriesMax + " live connections", null);
            }
        }
        Entry updated = entries.compute(connectionId, (id, old) -> {
            long previous = old == null || old.expiresAtMillis <= now ? 0 : old.total;
            if (previous > Long.MAX_VALUE - amount) {
                throw new TotalsException(TotalsException.Reason.OVERFLOW,
                        "connection total would exceed " + Long.MAX_VALUE, null);
            }
            return new Entry(previous + amount, now + ttlMillis);
        });
        return updated.total;
    }
}
