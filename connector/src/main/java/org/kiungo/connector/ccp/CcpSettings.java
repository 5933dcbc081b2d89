package org.kiungo.connector.ccp;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and for how long this node speaks CCP, checked once when built.
 *
 * @param broadcastInterval  the least time between two route updates to one peer: changes made meanwhile are
 *                           aggregated into the next one, and an update with no changes is the peer's heartbeat
 *                           (30 s, as the seed's aggregation and the reference connector's default)
 * @param holdDownTime       how long a peer may keep our routes without hearing from us again; more than one
 *                           interval, so one late heartbeat does not withdraw everything (45 s, the reference
 *                           connector's route expiry)
 * @param requestLifetime    how long a CCP request we send lives, and so the longest we wait for its answer
 */
public record CcpSettings(Duration broadcastInterval, Duration holdDownTime, Duration requestLifetime) {
    public static final Duration BROADCAST_INTERVAL = Duration.ofSeconds(30);
    public static final Duration HOLD_DOWN_TIME = Duration.ofSeconds(45);
    /** Longer than a receiver's minimum expiry window, short enough that a dead peer does not hold a sender. */
    public static final Duration REQUEST_LIFETIME = Duration.ofSeconds(10);
    /** Hold-down times travel as UInt32 milliseconds. */
    public static final Duration HOLD_DOWN_TIME_MAX = Duration.ofMillis(0xffff_ffffL);

    public CcpSettings {
        Objects.requireNonNull(broadcastInterval, "broadcastInterval");
        Objects.requireNonNull(holdDownTime, "holdDownTime");
        Objects.requireNonNull(requestLifetime, "requestLifetime");
        if (broadcastInterval.isNegative() || broadcastInterval.isZero()) {
            throw new IllegalArgumentException("the route broadcast interval must be positive");
        }
        if (holdDownTime.compareTo(broadcastInterval) <= 0 || holdDownTime.compareTo(HOLD_DOWN_TIME_MAX) > 0) {
            throw new IllegalArgumentException("the hold-down time must exceed the broadcast interval and fit in"
                    + " 32 bits of milliseconds");
        }
        if (requestLifetime.isNegative() || requestLifetime.isZero()) {
            throw new IllegalArgumentException("the CCP request lifetime must be positive");
        }
    }

    /** The reference connector's timing: an update every 30 s at most, routes held for 45 s. */
    public static CcpSettings defaults() {
        return new CcpSettings(BROADCAST_INTERVAL, HOLD_DOWN_TIME, REQUEST_LIFETIME);
    }

    /**
     * Another broadcast interval; the hold-down time stays 45 s, or one and a half intervals (the ratio of the
     * defaults) when that is longer, so a short interval speeds updates up without making routes fragile.
     */
    public static CcpSettings withBroadcastInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        Duration scaled = interval.plus(interval.dividedBy(2));
        return new CcpSettings(interval, scaled.compareTo(HOLD_DOWN_TIME) > 0 ? scaled : HOLD_DOWN_TIME,
                REQUEST_LIFETIME);
    }
}
