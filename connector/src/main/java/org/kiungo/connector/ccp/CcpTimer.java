package org.kiungo.connector.ccp;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link CcpSpeaker#tick} on one daemon thread, often enough that an update leaves soon after its broadcast
 * interval ends: a quarter of the interval, between {@link #PERIOD_MIN} and {@link #PERIOD_MAX}.
 */
public final class CcpTimer implements AutoCloseable {
    public static final Duration PERIOD_MIN = Duration.ofMillis(10);
    public static final Duration PERIOD_MAX = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(CcpTimer.class);

    private final ScheduledExecutorService scheduler;

    private CcpTimer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts ticking {@code speaker} now. */
    public static CcpTimer start(CcpSpeaker speaker) {
        Objects.requireNonNull(speaker, "speaker");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("ccp-timer").factory());
        long periodMs = period(speaker.settings().broadcastInterval()).toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                speaker.tick();
            } catch (RuntimeException e) {
                // A failed tick must not end the schedule, which would silently stop all route exchange.
                LOG.error("CCP tick failed: {} at {}", e.getClass().getName(),
                        e.getStackTrace().length == 0 ? "an unknown place" : e.getStackTrace()[0]);
            }
        }, 0, periodMs, TimeUnit.MILLISECONDS);
        return new CcpTimer(scheduler);
    }

    static Duration period(Duration broadcastInterval) {
        Duration quarter = broadcastInterval.dividedBy(4);
        if (quarter.compareTo(PERIOD_MIN) < 0) {
            return PERIOD_MIN;
        }
        return quarter.compareTo(PERIOD_MAX) > 0 ? PERIOD_MAX : quarter;
    }

    /** Stops ticking; a tick under way finishes, its sends go on their executor. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
