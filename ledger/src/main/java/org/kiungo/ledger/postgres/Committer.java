package org.kiungo.ledger.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.kiungo.ledger.TransferStateChecks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's committing thread: it takes every queued call (up to {@link #DRAIN_MAX} calls and about
 * {@link #EVENTS_MAX} accounts and transfers), applies the writes among them in one transaction, completes their
 * futures once it has committed, then answers the reads. While a batch is in the database new calls queue up, so
 * the slower the database, the more each transaction carries. Before a batch with a read it releases expired
 * reservations first. A second thread releases them every {@link #SWEEP_INTERVAL_MS} otherwise, on a connection
 * of its own, so that no batch of the packet path waits for a sweep; it is safe beside the committer as beside
 * another engine, since a sweep takes the accounts' locks and skips those held.
 */
final class Committer {
    /** Most calls in one batch. */
    static final int DRAIN_MAX = 1024;
    /** Accounts and transfers after which a batch takes no more calls (one call may still carry a full batch). */
    static final int EVENTS_MAX = 16_384;
    /** How often expired reservations are released when no read asks for it. */
    static final long SWEEP_INTERVAL_MS = 50;
    /** How long sweeping pauses after it failed, so that a database that is down is not asked twenty times a second. */
    static final long SWEEP_RETRY_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

    private final BlockingQueue<Call> calls;
    private final DataSource dataSource;
    private final Clock clock;
    private final BatchWriter writer;
    private final ExpirySweeper sweeper;
    private final Thread thread;
    private final Thread sweeperThread;
    private final CountDownLatch stopSweeping = new CountDownLatch(1);

    Committer(BlockingQueue<Call> calls, DataSource dataSource, Clock clock) {
        this.calls = calls;
        this.dataSource = dataSource;
        this.clock = clock;
        this.writer = new BatchWriter(dataSource);
        this.sweeper = new ExpirySweeper(dataSource);
        this.thread = Thread.ofPlatform().name("ledger-committer").daemon().unstarted(this::run);
        this.sweeperThread = Thread.ofPlatform().name("ledger-sweeper").daemon().unstarted(this::sweepPeriodically);
    }

    void start() {
        thread.start();
        sweeperThread.start();
    }

    /** Waits for the committing thread to finish after a {@link Call.Stop}, then stops the sweeping one. */
    void join() throws InterruptedException {
        thread.join();
        stopSweeping.countDown();
        sweeperThread.join();
    }

    private void sweepPeriodically() {
        try {
            for (long waitMs = SWEEP_INTERVAL_MS; !stopSweeping.await(waitMs, TimeUnit.MILLISECONDS); ) {
                try {
                    waitMs = sweep();
                } catch (RuntimeException e) {
                    // A bug must not end expiry for good: log it and try again later.
                    LOG.error("ledger expiry sweep failed", e);
                    waitMs = SWEEP_RETRY_MS;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Call> batch = new ArrayList<>(DRAIN_MAX);
        boolean stop = false;
        while (!stop) {
            try {
                drain(calls.take(), batch);
                stop = runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
            } catch (RuntimeException e) {
                // A bug must not leave callers waiting forever: fail this batch, keep serving the next.
                LOG.error("ledger batch failed", e);
                batch.forEach(call -> Call.fail(call, e));
            }
            batch.clear();
        }
    }

    private void drain(Call first, List<Call> batch) {
        batch.add(first);
        int events = size(first);
        for (Call next; batch.size() < DRAIN_MAX && events < EVENTS_MAX && (next = calls.poll()) != null; ) {
            batch.add(next);
            events += size(next);
        }
    }

    private static int size(Call call) {
        return switch (call) {
            case Call.CreateAccounts c -> c.accounts().size();
            case Call.CreateTransfers c -> c.transfers().size();
            default -> 1;
        };
    }

    /** Sweeps if the batch reads, writes, then reads; returns whether the batch held the stop call. */
    private boolean runBatch(List<Call> batch) {
        if (batch.stream().anyMatch(Call.Read.class::isInstance)) sweep();
        long now = nanos(clock.instant());
        List<Call> writes = batch.stream()
                .filter(c -> c instanceof Call.CreateAccounts || c instanceof Call.CreateTransfers).toList();
        if (!writes.isEmpty()) write(writes, now);
        boolean stop = false;
        for (Call call : batch) {
            if (call instanceof Call.Read read) read(read);
            stop |= call instanceof Call.Stop;
        }
        return stop;
    }

    /** Releases what is due now; returns how long the periodic sweep should wait before the next one. */
    private long sweep() {
        try {
            // A full sweep may have left more behind: come back at once rather than after the interval.
            return sweeper.sweep(nanos(clock.instant())) >= ExpirySweeper.EXPIRE_MAX ? 0 : SWEEP_INTERVAL_MS;
        } catch (SQLException e) {
            LOG.warn("ledger expiry sweep failed, retrying in {} ms: {}", SWEEP_RETRY_MS, e.getMessage());
            return SWEEP_RETRY_MS;
        }
    }

    private void write(List<Call> writes, long now) {
        try {
            List<List<?>> results = writer.write(writes, now);
            for (int i = 0; i < writes.size(); i++) {
                switch (writes.get(i)) {
                    case Call.CreateAccounts c -> complete(c.future(), results.get(i));
                    case Call.CreateTransfers c -> complete(c.future(), results.get(i));
                    default -> throw new IllegalStateException("not a write");
                }
            }
        } catch (SQLException e) {
            LOG.warn("ledger batch of {} calls failed ({}): {}", writes.size(), e.getSQLState(), e.getMessage());
            // A connection lost while committing leaves the outcome unknown to us as well: resubmitting the same
            // transfers is the safe answer, since an id already applied answers EXISTS and is never applied twice.
            IllegalStateException failure = new IllegalStateException("ledger write failed"
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")")
                    + ": the calls may or may not have been applied; resubmit them with the same ids", e);
            writes.forEach(call -> Call.fail(call, failure));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(CompletableFuture<T> future, Object result) {
        future.complete((T) result);
    }

    private void read(Call.Read read) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            read.future().complete(read.query().run(connection));
        } catch (SQLException e) {
            read.future().completeExceptionally(e);
        }
    }

    static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), TransferStateChecks.NANOS_PER_SECOND),
                instant.getNano());
    }
}
