package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.CallQueue;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;

/**
 * The embedded engine: the whole ledger in memory, changed by one writer thread, durable through an append-only
 * journal in a directory of its own (see the package documentation for the design). Open it with
 * {@link #open(Path, Clock)}; it recovers what the journal holds before it returns.
 */
public final class EmbeddedLedger implements Ledger {
    /** Journal bytes after which a generation closes, unless the ledger is opened with another figure. */
    public static final long GENERATION_BYTES_DEFAULT = Generations.GENERATION_BYTES_DEFAULT;
    /** The first generation's journal. */
    static final String JOURNAL_FILE = "journal-0.klj";

    private final CallQueue<Command> commands = new CallQueue<>();
    private final CommitLoop loop;

    private EmbeddedLedger(LedgerState state, Generations generations, Clock clock) {
        this.loop = new CommitLoop(commands.queue(), state, generations, clock);
        loop.start();
    }

    /**
     * Opens the ledger kept in {@code directory} (created if missing): its newest snapshot, then its journals up
     * to the first torn or corrupt frame, which is cut off. Time, for timestamps and expiry, comes from
     * {@code clock}.
     */
    public static EmbeddedLedger open(Path directory, Clock clock) {
        return open(directory, clock, Generations.GENERATION_BYTES_DEFAULT);
    }

    /**
     * As {@link #open(Path, Clock)}, closing a generation every {@code generationBytesMax} journal bytes rather than
     * every {@link #GENERATION_BYTES_DEFAULT}: smaller keeps less in memory and makes more archive segments.
     */
    public static EmbeddedLedger open(Path directory, Clock clock, long generationBytesMax) {
        try {
            Files.createDirectories(directory);
            LedgerState state = new LedgerState();
            Generations generations = Recovery.recover(new LedgerFiles(directory), state, generationBytesMax);
            return new EmbeddedLedger(state, generations, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the ledger in " + directory, e);
        }
    }

    @Override
    public CompletableFuture<List<CreateAccountResult>> createAccounts(List<Account> accounts) {
        CallQueue.checkBatch(accounts.size());
        CompletableFuture<List<CreateAccountResult>> future = new CompletableFuture<>();
        return submit(new Command.CreateAccounts(List.copyOf(accounts), future), future);
    }

    @Override
    public CompletableFuture<List<CreateTransferResult>> createTransfers(List<Transfer> transfers) {
        CallQueue.checkBatch(transfers.size());
        CompletableFuture<List<CreateTransferResult>> future = new CompletableFuture<>();
        return submit(new Command.CreateTransfers(List.copyOf(transfers), future, false), future);
    }

    /** Completes once the reservations are applied and written to the journal, before its fsync. */
    @Override
    public CompletableFuture<List<CreateTransferResult>> createReservations(List<Transfer> transfers) {
        CallQueue.checkBatch(transfers.size());
        Ledger.requireReservations(transfers);
        CompletableFuture<List<CreateTransferResult>> future = new CompletableFuture<>();
        return submit(new Command.CreateTransfers(List.copyOf(transfers), future, true), future);
    }

    private <T> CompletableFuture<T> submit(Command command, CompletableFuture<T> future) {
        Throwable failure = loop.failure();
        if (failure != null) return CompletableFuture.failedFuture(new IllegalStateException("ledger failed", failure));
        return commands.submit(command, future);
    }

    @Override
    public List<Account> lookupAccounts(List<UUID> ids) {
        List<UUID> copy = List.copyOf(ids);
        return read(state -> {
            List<Account> found = new ArrayList<>(copy.size());
            for (UUID id : copy) {
                AccountEntry entry = state.accounts.get(id);
                if (entry != null) found.add(entry.toAccount());
            }
            return found;
        });
    }

    @Override
    public List<Transfer> lookupTransfers(List<UUID> ids) {
        List<UUID> copy = List.copyOf(ids);
        return read(state -> copy.stream().map(state::transfer).filter(t -> t != null).toList());
    }

    @Override
    public Optional<PendingState> pendingState(UUID pendingId) {
        return read(state -> Optional.ofNullable(state.pendingState(pendingId)));
    }

    @Override
    public TransferPage accountTransfers(UUID accountId, long cursor, int limit) {
        CallQueue.checkPageLimit(limit);
        return read(state -> state.accountTransfers(accountId, cursor, limit));
    }

    @Override
    public boolean hasPostedTransfers(UUID accountId) {
        return read(state -> {
            AccountEntry entry = state.accounts.get(accountId);
            // Posted amounts never go down and every posted transfer moves a nonzero amount.
            return entry != null && (entry.debitsPosted != 0 || entry.creditsPosted != 0);
        });
    }

    /** How many transfers the live state holds in memory: the rest is archived. */
    int liveTransfers() {
        return read(state -> state.transfers.size());
    }

    @SuppressWarnings("unchecked")
    private <T> T read(Function<LedgerState, T> query) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        return commands.read(new Command.Read((Function<LedgerState, Object>) query, future), future);
    }

    @Override
    public void close() {
        try {
            IllegalStateException closedError = new IllegalStateException("the ledger is closed");
            commands.close(new Command.Stop(), loop::join, late -> CommitLoop.failCommand(late, closedError));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
