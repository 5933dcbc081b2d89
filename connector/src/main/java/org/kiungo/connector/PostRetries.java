package org.kiungo.connector;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.PacketReservation;
import org.kiungo.ledger.PacketTransfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts of fulfilled packets that failed for a passing reason (the ledger was busy, its storage failed): the
 * Fulfill has gone upstream, since it is how the node collects what it paid downstream, so the post must still
 * happen. Each is retried on a virtual thread of its own with doubling delays until the ledger gives a definite
 * answer: posted (now or by an earlier attempt), or refused, for instance because the reservation expired, which
 * is logged as an error naming the pending transfer for reconciliation. Bounded by {@link #POSTS_MAX}.
 */
final class PostRetries {
    /** Posts being retried at once; beyond it a failed post is logged as lost at once. */
    static final int POSTS_MAX = 10_000;
    static final long RETRY_DELAY_MS_FIRST = 10;
    static final long RETRY_DELAY_MS_MAX = 1_000;
    /** Attempts per post: with the delays above, longer than any reservation lives. */
    static final int ATTEMPTS_MAX = 60;

    private static final Logger LOG = LoggerFactory.getLogger(PostRetries.class);

    private final PacketTransfers transfers;
    private final Semaphore slots = new Semaphore(POSTS_MAX);

    PostRetries(PacketTransfers transfers) {
        this.transfers = Objects.requireNonNull(transfers, "transfers");
    }

    /** The ledger's answer to one post, or null when it failed for a passing reason and may be retried. */
    CreateTransferResult post(PacketReservation reservation) {
        try {
            return transfers.post(reservation).join();
        } catch (RuntimeException e) {
            // A full queue, a storage or connection failure: nothing says the next attempt fails too.
            LOG.debug("post of packet reservation {} failed: {}", PacketTransfers.pendingIds(reservation).get(0),
                    (e instanceof CompletionException && e.getCause() != null ? e.getCause() : e).getClass()
                            .getSimpleName());
            return null;
        }
    }

    /** Keeps posting {@code reservation} in the background until the ledger answers definitely. */
    void retry(PacketReservation reservation) {
        if (!slots.tryAcquire()) {
            LOG.error("post of fulfilled packet reservation {} lost: {} posts are being retried already",
                    PacketTransfers.pendingIds(reservation).get(0), POSTS_MAX);
            return;
        }
        Thread.ofVirtual().name("kiungo-post-retry").start(() -> {
            try {
                retryUntilDefinite(reservation);
            } finally {
                slots.release();
            }
        });
    }

    private void retryUntilDefinite(PacketReservation reservation) {
        long delayMs = RETRY_DELAY_MS_FIRST;
        for (int attempt = 1; attempt <= ATTEMPTS_MAX; attempt++) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            CreateTransferResult result = post(reservation);
            if (result != null) {
                if (!isPosted(result)) {
                    LOG.error("post of fulfilled packet reservation {} refused after {} attempts: {}",
                            PacketTransfers.pendingIds(reservation).get(0), attempt + 1, result);
                }
                return;
            }
            delayMs = Math.min(delayMs * 2, RETRY_DELAY_MS_MAX);
        }
        LOG.error("post of fulfilled packet reservation {} lost: the ledger kept failing",
                PacketTransfers.pendingIds(reservation).get(0));
    }

    /** Waits until no post is being retried, for at most {@code timeoutMs}; true when none is. */
    boolean awaitIdle(long timeoutMs) throws InterruptedException {
        if (!slots.tryAcquire(POSTS_MAX, timeoutMs, TimeUnit.MILLISECONDS)) {
            return false;
        }
        slots.release(POSTS_MAX);
        return true;
    }

    /** Posted now, or by an earlier attempt whose answer was lost. */
    static boolean isPosted(CreateTransferResult result) {
        return result == CreateTransferResult.OK || result == CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED;
    }
}
