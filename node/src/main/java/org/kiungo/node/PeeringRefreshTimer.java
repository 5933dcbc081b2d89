package org.kiungo.node;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kiungo.peering.PeeringServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the peering store into the connector every {@link #INTERVAL_MS} on one daemon thread, for a node whose
 * store is shared with other replicas (PostgreSQL): a peer created, changed or deleted through one replica's
 * admin API reaches every replica's packet path within that time.
 */
final class PeeringRefreshTimer implements AutoCloseable {
    /** How stale a replica's view of peers made elsewhere may be; each refresh reads assets, peers and hashes. */
    static final long INTERVAL_MS = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(PeeringRefreshTimer.class);

    private final ScheduledExecutorService scheduler;

    private PeeringRefreshTimer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static PeeringRefreshTimer start(PeeringServices services) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("peering-refresh").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                services.refresh();
            } catch (RuntimeException e) {
                // One failed refresh (the database briefly away) must not end the schedule.
                LOG.warn("refreshing peers from the store failed: {}", e.getMessage());
            }
        }, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return new PeeringRefreshTimer(scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
