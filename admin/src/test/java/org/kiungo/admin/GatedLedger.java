package org.kiungo.admin;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;

/**
 * A real ledger whose next {@code createTransfers} call, once {@link #hold()} is called, waits until
 * {@link #release()}: it keeps one request in flight for as long as a test needs, without sleeping.
 */
final class GatedLedger implements Ledger {
    /** Longer than any test step takes; reaching it fails the test instead of hanging it. */
    private static final long WAIT_SECONDS_MAX = 10;

    private final Ledger ledger;
    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    GatedLedger(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Makes the next call to {@code createTransfers} wait for {@link #release()}. */
    void hold() {
        holding.set(true);
    }

    /** Waits until a call is held. */
    void awaitHeld() throws InterruptedException {
        if (!held.await(WAIT_SECONDS_MAX, TimeUnit.SECONDS)) {
            throw new AssertionError("no ledger call arrived to be held");
        }
    }

    void release() {
        released.countDown();
    }

    @Override
    public CompletableFuture<List<CreateTransferResult>> createTransfers(List<Transfer> transfers) {
        if (holding.compareAndSet(true, false)) {
            held.countDown();
            try {
                if (!released.await(WAIT_SECONDS_MAX, TimeUnit.SECONDS)) {
                    throw new AssertionError("the held ledger call was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
            }
        }
        return ledger.createTransfers(transfers);
    }

    @Override
    public CompletableFuture<List<CreateAccountResult>> createAccounts(List<Account> accounts) {
        return ledger.createAccounts(accounts);
    }

    @Override
    public List<Account> lookupAccounts(List<UUID> ids) {
        return ledger.lookupAccounts(ids);
    }

    @Override
    public List<Transfer> lookupTransfers(List<UUID> ids) {
        return ledger.lookupTransfers(ids);
    }

    @Override
    public Optional<PendingState> pendingState(UUID pendingId) {
        return ledger.pendingState(pendingId);
    }

    @Override
    public TransferPage accountTransfers(UUID accountId, long cursor, int limit) {
        return ledger.accountTransfers(accountId, cursor, limit);
    }

    @Override
    public boolean hasPostedTransfers(UUID accountId) {
        return ledger.hasPostedTransfers(accountId);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
