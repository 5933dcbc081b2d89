package org.kiungo.connector;

import java.time.Duration;
import java.util.Objects;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * The connector's fixed settings, checked once when built.
 *
 * @param address          our ILP address: {@code triggeredBy} of every Reject we make, parent of IL-DCP children
 * @param messageWindow    how much earlier than the incoming Prepare the outgoing one expires, the time we keep to
 *                         pass a Fulfill back upstream (one second in the reference connector)
 * @param minExpiryWindow  the least time an incoming Prepare must have left (R02 below it); more than one message
 *                         window, so the next hop still gets a whole window of its own
 * @param maxHoldTime      the longest we hold a packet's money; later expiries are brought forward to it
 */
public record ConnectorSettings(IlpAddress address, Duration messageWindow, Duration minExpiryWindow,
                                Duration maxHoldTime) {
    public static final Duration MESSAGE_WINDOW = Duration.ofSeconds(1);
    public static final Duration MAX_HOLD_TIME = Duration.ofSeconds(30);

    public ConnectorSettings {
        Objects.requireNonNull(address, "address");
        if (messageWindow.isNegative() || messageWindow.isZero()) {
            throw new IllegalArgumentException("the message window must be positive");
        }
        if (minExpiryWindow.compareTo(messageWindow) <= 0) {
            throw new IllegalArgumentException("the minimum expiry window must exceed the message window");
        }
        if (maxHoldTime.compareTo(minExpiryWindow) < 0) {
            throw new IllegalArgumentException("the maximum hold time must be at least the minimum expiry window");
        }
    }

    /** The reference connector's values: a one-second message window, two seconds at least, thirty at most. */
    public static ConnectorSettings defaults(IlpAddress address) {
        return new ConnectorSettings(address, MESSAGE_WINDOW, MESSAGE_WINDOW.multipliedBy(2), MAX_HOLD_TIME);
    }
}
