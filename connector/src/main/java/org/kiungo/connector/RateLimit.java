package org.kiungo.connector;

/**
 * How many packets a peer may send us: {@code packetsPerSecond} on average, with bursts of up to {@code burst}
 * packets (a token bucket). Beyond it the peer gets T05 and may retry later.
 */
public record RateLimit(long packetsPerSecond, long burst) {
    /** No limit at all. */
    public static final RateLimit UNLIMITED = new RateLimit(Long.MAX_VALUE, Long.MAX_VALUE);
    /** A rate above this is as good as unlimited and would overflow the bucket's arithmetic. */
    public static final long PACKETS_PER_SECOND_MAX = 1_000_000_000L;

    public RateLimit {
        boolean unlimited = packetsPerSecond == Long.MAX_VALUE && burst == Long.MAX_VALUE;
        if (!unlimited && (packetsPerSecond <= 0 || packetsPerSecond > PACKETS_PER_SECOND_MAX || burst <= 0)) {
            throw new IllegalArgumentException("a rate limit allows 1 to " + PACKETS_PER_SECOND_MAX
                    + " packets per second and a burst of at least 1");
        }
    }

    public boolean isUnlimited() {
        return packetsPerSecond == Long.MAX_VALUE;
    }
}
