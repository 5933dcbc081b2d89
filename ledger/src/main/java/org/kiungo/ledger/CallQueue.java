package org.kiungo.ledger;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The bounded queue in front of an engine's single committing thread, shared by both engines so that they refuse
 * work the same way: a write is refused at once when the queue is full, a read waits a bounded time for room, and
 * after {@link #close} nothing new is accepted.
 */
public final class CallQueue<C> {
    /** Most calls waiting for the committing thread; beyond it calls are refused (see {@link Ledger}). */
    public static final int SUBMISSION_QUEUE_MAX = 16_384;
    /** How long a read waits for room in a full queue before it is refused. */
    public static final long READ_QUEUE_WAIT_MS_MAX = 1_000;

    /** Waits until the committing thread has finished. */
    @FunctionalInterface
    public interface Finished {
        void await() throws InterruptedException;
    }

    private final BlockingQueue<C> queue = new ArrayBlockingQueue<>(SUBMISSION_QUEUE_MAX);
    private volatile boolean closed;

    /** The queue the committing thread takes calls from. */
    public BlockingQueue<C> queue() {
        return queue;
    }

    /** Fails when a batch is larger than {@link Ledger#BATCH_MAX}: a programming error, not an operating one. */
    public static void checkBatch(int size) {
        if (size > Ledger.BATCH_MAX) {
            throw new IllegalArgumentException("batch of " + size + " > " + Ledger.BATCH_MAX);
        }
    }

    /** Fails when a page limit is outside 1 to {@link Ledger#ACCOUNT_TRANSFERS_PAGE_MAX}. */
    public static void checkPageLimit(int limit) {
        if (limit < 1 || limit > Ledger.ACCOUNT_TRANSFERS_PAGE_MAX) {
            throw new IllegalArgumentException("limit must be 1 to " + Ledger.ACCOUNT_TRANSFERS_PAGE_MAX + ": "
                    + limit);
        }
    }

    /** Queues a write whose {@code future} the committing thread completes; refused at once when full or closed. */
    public <T> CompletableFuture<T> submit(C call, CompletableFuture<T> future) {
        if (closed) return CompletableFuture.failedFuture(new IllegalStateException("the ledger is closed"));
        if (!queue.offer(call)) {
            return CompletableFuture.failedFuture(
                    new RejectedExecutionException("ledger queue full (" + SUBMISSION_QUEUE_MAX + " calls)"));
        }
        return future;
    }

    /** Queues a read and waits for its answer, which the committing thread puts in {@code future}. */
    @SuppressWarnings("unchecked")
    public <T> T read(C call, CompletableFuture<Object> future) {
        try {
            if (closed) throw new IllegalStateException("the ledger is closed");
            if (!queue.offer(call, READ_QUEUE_WAIT_MS_MAX, TimeUnit.MILLISECONDS)) {
                throw new RejectedExecutionException("ledger queue full (" + SUBMISSION_QUEUE_MAX + " calls)");
            }
            return (T) future.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while queueing a ledger read", e);
        } catch (CompletionException e) {
            throw new IllegalStateException("ledger read failed", e.getCause());
        }
    }

    /**
     * Stops accepting calls, puts {@code stop} at the end of the queue and waits until {@code committer} has finished;
     * a call that slipped in after the stop is handed to {@code refuse} rather than left hanging. Returns false,
     * doing nothing, when already closed.
     */
    public boolean close(C stop, Finished committer, Consumer<C> refuse) throws InterruptedException {
        if (closed) return false;
        closed = true;
        queue.put(stop);
        committer.await();
        for (C late; (late = queue.poll()) != null; ) {
            refuse.accept(late);
        }
        return true;
    }
}
