package org.kiungo.connector;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Checks a Prepare's expiry against our clock: R00 when it has passed, R02 when less than the minimum window is
 * left (the next hop could not answer in time), and an expiry beyond the maximum hold time is brought forward to
 * it, so no peer can tie up our liquidity for longer.
 */
public final class ExpiryStep implements IncomingStep {
    private final ConnectorSettings settings;
    private final Clock clock;

    public ExpiryStep(ConnectorSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reply handle(IncomingRequest request, IncomingService next) {
        Instant now = clock.instant();
        Instant expiresAt = request.prepare().expiresAt();
        if (!expiresAt.isAfter(now)) {
            return Reject.of(ErrorCode.R00_TRANSFER_TIMED_OUT, settings.address(), "the packet expired at "
                    + expiresAt);
        }
        Duration left = Duration.between(now, expiresAt);
        if (left.compareTo(settings.minExpiryWindow()) < 0) {
            return Reject.of(ErrorCode.R02_INSUFFICIENT_TIMEOUT, settings.address(), "the packet expires in "
                    + left.toMillis() + " ms; this node needs at least " + settings.minExpiryWindow().toMillis());
        }
        if (left.compareTo(settings.maxHoldTime()) > 0) {
            return next.handle(request.withPrepare(request.prepare().withExpiresAt(now.plus(settings.maxHoldTime()))));
        }
        return next.handle(request);
    }
}
