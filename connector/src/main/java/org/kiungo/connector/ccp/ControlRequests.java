package org.kiungo.connector.ccp;

import java.time.Duration;
import java.time.Instant;

/**
 * Our route control requests to one peer we receive routes from: due at start-up, when the peer is added, after a
 * gap in its epochs and after its routes lapsed; retried once per broadcast interval until the peer accepts one,
 * at most {@link #ATTEMPTS_MAX} times in a row. Not thread-safe: the speaker guards it.
 */
final class ControlRequests {
    /** Consecutive refused or failed requests after which we wait for the peer to show itself again. */
    static final int ATTEMPTS_MAX = 20;

    private boolean wanted;
    private boolean inFlight;
    private int attempts;
    private Instant lastSentAt;

    /** Asks for a request at the next chance, with a fresh count of attempts. */
    void want() {
        wanted = true;
        attempts = 0;
    }

    /** Whether a request should leave now: at most one per interval, so a peer cannot make us flood it. */
    boolean due(Instant now, Duration interval) {
        return wanted && !inFlight && (lastSentAt == null || !now.isBefore(lastSentAt.plus(interval)));
    }

    void sending(Instant now) {
        inFlight = true;
        lastSentAt = now;
        attempts++;
    }

    void finished(boolean accepted) {
        inFlight = false;
        if (accepted || attempts >= ATTEMPTS_MAX) {
            wanted = false;
        }
    }
}
