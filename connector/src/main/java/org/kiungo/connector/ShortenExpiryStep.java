package org.kiungo.connector;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;

/**
 * Makes the outgoing Prepare expire one message window before the incoming one, so a Fulfill that arrives at the
 * last moment downstream still reaches upstream in time. R02 when that leaves no time at all, which can happen only
 * when the earlier steps were slow.
 */
public final class ShortenExpiryStep implements OutgoingStep {
    private final ConnectorSettings settings;
    private final Clock clock;

    public ShortenExpiryStep(ConnectorSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reply send(OutgoingRequest request, OutgoingService next) {
        Instant shortened = request.incoming().expiresAt().minus(settings.messageWindow());
        if (!shortened.isAfter(clock.instant())) {
            return Reject.of(ErrorCode.R02_INSUFFICIENT_TIMEOUT, settings.address(),
                    "no time is left to forward the packet");
        }
        return next.send(request.withOutgoing(request.outgoing().withExpiresAt(shortened)));
    }
}
