package org.kiungo.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Double-entry accounts and two-phase transfers, after TigerBeetle: every change is an immutable transfer between
 * two accounts of one ledger (asset), results are enum values rather than exceptions, nothing is ever deleted and
 * a correction is a new transfer.
 *
 * <p>Writes are asynchronous so that an engine can serve many callers with one durable write (group commit):
 * each call is queued, the engine applies queued calls in order, and a returned future completes only once the
 * call's effects are durable. The packet path submits one transfer per call and does not block; a caller that
 * wants to wait simply joins. The submission queue is bounded: when it is full, a call does not block but returns
 * at once a future failed with {@link RejectedExecutionException} (the connector answers T04/T03; an operator
 * retries). Reads return only durable state and may block until the engine answers them.
 *
 * <p>A {@code createTransfers} batch is applied in order; a chain of {@link TransferFlags#LINKED} transfers (each
 * linked to the next, the last without the flag) succeeds or fails as one. Batches hold at most
 * {@link #BATCH_MAX} events; larger ones are a programming error ({@link IllegalArgumentException}).
 */
public interface Ledger extends AutoCloseable {
    /** Most accounts or transfers in one call, TigerBeetle's batch size. */
    int BATCH_MAX = 8190;
    /** Most transfers in one page of {@link #accountTransfers}. */
    int ACCOUNT_TRANSFERS_PAGE_MAX = 1000;

    /** Creates accounts, one result per account in order. */
    CompletableFuture<List<CreateAccountResult>> createAccounts(List<Account> accounts);

    /** Creates transfers, one result per transfer in order; completes once they are durable. */
    CompletableFuture<List<CreateTransferResult>> createTransfers(List<Transfer> transfers);

    /**
     * Creates packet reservations (pending transfers with a timeout) and voids of pending transfers, completing
     * once they are applied, and so seen by every later call and read, but perhaps before they are durable: the
     * packet path need not wait for the disk twice per packet. A crash can lose only what the ledger would undo by
     * itself: a lost reservation moved no money, and a lost void leaves a pending transfer that voids at its
     * timeout. A post is durable only together with everything applied before it, its reservation included.
     * Anything else is a programming error ({@link IllegalArgumentException}). By default, as durable as
     * {@link #createTransfers}.
     */
    default CompletableFuture<List<CreateTransferResult>> createReservations(List<Transfer> transfers) {
        requireReservations(transfers);
        return createTransfers(transfers);
    }

    /** Refuses anything that {@link #createReservations} may not lose in a crash. */
    static void requireReservations(List<Transfer> transfers) {
        for (Transfer transfer : transfers) {
            boolean reservation = transfer.flags().pending() && transfer.timeoutSeconds() > 0;
            if (!reservation && !transfer.flags().voidPending()) {
                throw new IllegalArgumentException("only pending transfers with a timeout and voids may be created"
                        + " before they are durable: " + transfer.id());
            }
        }
    }

    /** Creates one transfer: the packet path's call, batched with every concurrent one. */
    default CompletableFuture<CreateTransferResult> createTransfer(Transfer transfer) {
        return createTransfers(List.of(transfer)).thenApply(results -> results.get(0));
    }

    /** The accounts that exist among {@code ids}, in the order asked, with their current balances. */
    List<Account> lookupAccounts(List<UUID> ids);

    /** The transfers that exist among {@code ids}, in the order asked. */
    List<Transfer> lookupTransfers(List<UUID> ids);

    /** The state of pending transfer {@code pendingId}, or empty when there is no such pending transfer. */
    Optional<PendingState> pendingState(UUID pendingId);

    /**
     * Transfers that debit or credit {@code accountId}, oldest first, those after {@code cursor} (start with
     * {@link TransferPage#FIRST}), at most {@code limit} (1 to {@link #ACCOUNT_TRANSFERS_PAGE_MAX}).
     */
    TransferPage accountTransfers(UUID accountId, long cursor, int limit);

    /** Whether any posted transfer moved money in or out of the account: a peer with history cannot be deleted. */
    boolean hasPostedTransfers(UUID accountId);

    /** One account, if it exists. */
    default Optional<Account> lookupAccount(UUID id) {
        return lookupAccounts(List.of(id)).stream().findFirst();
    }

    /** One transfer, if it exists. */
    default Optional<Transfer> lookupTransfer(UUID id) {
        return lookupTransfers(List.of(id)).stream().findFirst();
    }

    /** Finishes every queued call, makes it durable and releases the engine's resources. */
    @Override
    void close();
}
