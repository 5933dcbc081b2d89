package org.kiungo.connector;

/**
 * A token bucket kept as one number, the generic cell rate algorithm: {@code allowedAt} is when the bucket would
 * be empty again. A packet is allowed when the bucket is not over its burst at {@code nowNanos}; each allowed
 * packet moves the mark one emission interval on. Time is passed in, never read here.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** A burst this long (about 73 years of packets) is as good as endless, and keeps the sums from overflowing. */
    private static final long TOLERANCE_NANOS_MAX = Long.MAX_VALUE / 4;

    private final RateLimit limit;
    private final long intervalNanos;
    private final long toleranceNanos;
    private long emptyAtNanos = Long.MIN_VALUE;

    TokenBucket(RateLimit limit) {
        this.limit = limit;
        this.intervalNanos = Math.max(1, NANOS_PER_SECOND / limit.packetsPerSecond());
        // A burst of b packets may arrive together: the mark may run b - 1 intervals ahead of now.
        long burstMinusOne = limit.burst() - 1;
        this.toleranceNanos = burstMinusOne > TOLERANCE_NANOS_MAX / intervalNanos ? TOLERANCE_NANOS_MAX
                : intervalNanos * burstMinusOne;
    }

    RateLimit limit() {
        return limit;
    }

    /** Takes a token if there is one at {@code nowNanos}; false when the peer must wait. */
    synchronized boolean tryTake(long nowNanos) {
        long mark = Math.max(emptyAtNanos, nowNanos);
        if (mark - nowNanos > toleranceNanos) {
            return false;
        }
        emptyAtNanos = mark + intervalNanos;
        return true;
    }
}
