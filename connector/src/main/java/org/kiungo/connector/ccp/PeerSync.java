package org.kiungo.connector.ccp;

import java.time.Duration;
import java.time.Instant;

/**
 * What this node knows of one peer it sends routes to: whether the peer asked for updates (SYNC) and from which
 * epoch, when the last update left, whether one is in flight and how many failed in a row. At most one update per
 * broadcast interval: changes made meanwhile wait for the next. Not thread-safe: the speaker guards it.
 */
final class PeerSync {
    /** Consecutive failed updates after which we stop until the peer asks again with a route control request. */
    static final int FAILURES_MAX = 5;

    private boolean syncing;
    private long nextEpoch;
    private Instant lastSentAt;
    private boolean inFlight;
    private int failures;
    /** Advanced by each control request, so the answer to an update sent before it cannot undo it. */
    private long generation;

    /** The peer asked for updates from {@code epoch} ({@code syncing}), or for none. */
    void control(boolean sync, long epoch) {
        syncing = sync;
        nextEpoch = epoch;
        failures = 0;
        generation++;
    }

    /** Whether an update is due: the peer is syncing, none is in flight and the interval since the last is over. */
    boolean due(Instant now, Duration interval) {
        return syncing && !inFlight && (lastSentAt == null || !now.isBefore(lastSentAt.plus(interval)));
    }

    /** Marks an update as sent at {@code now}; returns the generation to hand back to {@link #finished}. */
    long sending(Instant now) {
        inFlight = true;
        lastSentAt = now;
        return generation;
    }

    /** The update sent in {@code sentGeneration} was answered: the peer now knows up to {@code toEpoch}. */
    void finished(long sentGeneration, boolean accepted, long toEpoch) {
        inFlight = false;
        if (sentGeneration != generation) {
            return;
        }
        if (accepted) {
            nextEpoch = toEpoch;
            failures = 0;
        } else if (++failures >= FAILURES_MAX) {
            syncing = false;
        }
    }

    long nextEpoch() {
        return nextEpoch;
    }

    boolean syncing() {
        return syncing;
    }
}
