package org.kiungo.ledger.postgres;

import static org.kiungo.ledger.CreateTransferResult.OK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.AccountChecks;
import org.kiungo.ledger.CreateAccountResult;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.LinkedChains;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferChecks;
import org.kiungo.ledger.TransferStateChecks;
import org.kiungo.ledger.Unsigned64;

/**
 * The part of the ledger one batch touches, loaded under row locks, changed in memory by the shared checks and
 * chain driver exactly as the embedded engine changes its state, then written back as a set of rows. A linked
 * chain that fails is rolled back through an undo log.
 */
final class BatchState implements LinkedChains.Applier {
    private final Map<UUID, Account> loadedAccounts;
    private final Map<UUID, Account> accounts;
    private final Map<UUID, Transfer> transfers;
    private final Map<UUID, PendingState> pendingStates;
    private final List<UUID> createdAccounts = new ArrayList<>();
    private final List<Transfer> createdTransfers = new ArrayList<>();
    private final List<Runnable> undo = new ArrayList<>();
    private final long nowNanos;
    private long lastTimestamp;

    /**
     * State made of the locked {@code accounts} and the {@code transfers} looked up, with the states of the pending
     * ones, at time {@code nowNanos}; the timestamps it gives out come after {@code lastTimestamp}.
     */
    BatchState(Map<UUID, Account> accounts, Map<UUID, Transfer> transfers, Map<UUID, PendingState> pendingStates,
               long nowNanos, long lastTimestamp) {
        this.loadedAccounts = Map.copyOf(accounts);
        this.accounts = new HashMap<>(accounts);
        this.transfers = new HashMap<>(transfers);
        this.pendingStates = new HashMap<>(pendingStates);
        this.nowNanos = nowNanos;
        this.lastTimestamp = lastTimestamp;
    }

    long lastTimestamp() {
        return lastTimestamp;
    }

    private long nextTimestamp() {
        lastTimestamp = Math.max(nowNanos, lastTimestamp + 1);
        return lastTimestamp;
    }

    List<CreateAccountResult> createAccounts(List<Account> batch) {
        List<CreateAccountResult> results = new ArrayList<>(batch.size());
        for (Account account : batch) {
            CreateAccountResult result = AccountChecks.fieldError(account);
            Account existing = accounts.get(account.id());
            if (result == null && existing != null) result = AccountChecks.existsResult(account, existing);
            if (result == null) {
                accounts.put(account.id(), new Account(account.id(), account.ledger(), account.code(),
                        account.flags(), 0, 0, 0, 0, nextTimestamp()));
                createdAccounts.add(account.id());
                result = CreateAccountResult.OK;
            }
            results.add(result);
        }
        return results;
    }

    List<CreateTransferResult> createTransfers(List<Transfer> batch) {
        return List.of(LinkedChains.apply(batch, this));
    }

    @Override
    public CreateTransferResult apply(Transfer transfer) {
        CreateTransferResult error = TransferChecks.fieldError(transfer);
        if (error != null) return error;
        if (transfer.flags().postOrVoid()) return settle(transfer);
        error = TransferStateChecks.newTransferError(transfer, accounts.get(transfer.debitAccountId()),
                accounts.get(transfer.creditAccountId()), transfers.get(transfer.id()), nowNanos);
        if (error != OK) return error;
        Transfer applied = transfer.withTimestamp(nextTimestamp());
        long amount = applied.amount();
        if (applied.flags().pending()) {
            replace(applied.debitAccountId(), a -> a.withBalances(Unsigned64.add(a.debitsPending(), amount),
                    a.debitsPosted(), a.creditsPending(), a.creditsPosted()));
            replace(applied.creditAccountId(), a -> a.withBalances(a.debitsPending(), a.debitsPosted(),
                    Unsigned64.add(a.creditsPending(), amount), a.creditsPosted()));
            setPendingState(applied.id(), PendingState.PENDING);
        } else {
            post(applied.debitAccountId(), applied.creditAccountId(), amount);
        }
        record(applied);
        return OK;
    }

    private CreateTransferResult settle(Transfer transfer) {
        Transfer pending = transfers.get(transfer.pendingId());
        PendingState state = pending == null ? null : pendingStates.get(pending.id());
        CreateTransferResult error = TransferStateChecks.settlingError(transfer, pending, state,
                transfers.get(transfer.id()), nowNanos);
        if (error != OK) return error;
        Transfer applied = TransferStateChecks.resolve(transfer, pending).withTimestamp(nextTimestamp());
        // Pending balances drop by what was reserved; posted ones grow by what is posted, possibly less.
        long reserved = pending.amount();
        replace(applied.debitAccountId(), a -> a.withBalances(Unsigned64.subtract(a.debitsPending(), reserved),
                a.debitsPosted(), a.creditsPending(), a.creditsPosted()));
        replace(applied.creditAccountId(), a -> a.withBalances(a.debitsPending(), a.debitsPosted(),
                Unsigned64.subtract(a.creditsPending(), reserved), a.creditsPosted()));
        if (applied.flags().postPending()) post(applied.debitAccountId(), applied.creditAccountId(), applied.amount());
        setPendingState(pending.id(), applied.flags().postPending() ? PendingState.POSTED : PendingState.VOIDED);
        record(applied);
        return OK;
    }

    private void post(UUID debit, UUID credit, long amount) {
        replace(debit, a -> a.withBalances(a.debitsPending(), Unsigned64.add(a.debitsPosted(), amount),
                a.creditsPending(), a.creditsPosted()));
        replace(credit, a -> a.withBalances(a.debitsPending(), a.debitsPosted(), a.creditsPending(),
                Unsigned64.add(a.creditsPosted(), amount)));
    }

    private void replace(UUID id, UnaryOperator<Account> change) {
        Account old = accounts.get(id);
        accounts.put(id, change.apply(old));
        undo.add(() -> accounts.put(id, old));
    }

    private void setPendingState(UUID id, PendingState state) {
        PendingState old = pendingStates.put(id, state);
        undo.add(() -> {
            if (old == null) {
                pendingStates.remove(id);
            } else {
                pendingStates.put(id, old);
            }
        });
    }

    private void record(Transfer applied) {
        transfers.put(applied.id(), applied);
        createdTransfers.add(applied);
        undo.add(() -> {
            transfers.remove(applied.id());
            createdTransfers.remove(createdTransfers.size() - 1);
        });
    }

    @Override
    public int mark() {
        return undo.size();
    }

    @Override
    public void rollback(int mark) {
        for (int i = undo.size() - 1; i >= mark; i--) {
            undo.remove(i).run();
        }
    }

    /** What the batch changed, as rows to write. */
    Changes changes() {
        List<Account> inserted = createdAccounts.stream().map(accounts::get).toList();
        Set<UUID> createdPending = new HashSet<>();
        for (Transfer transfer : createdTransfers) {
            if (transfer.flags().pending()) createdPending.add(transfer.id());
        }
        List<Account> updated = new ArrayList<>();
        for (Map.Entry<UUID, Account> loaded : loadedAccounts.entrySet()) {
            Account now = accounts.get(loaded.getKey());
            if (!now.equals(loaded.getValue())) updated.add(now);
        }
        Map<UUID, Long> opened = new LinkedHashMap<>();
        for (Transfer transfer : createdTransfers) {
            if (transfer.flags().pending() && pendingStates.get(transfer.id()) == PendingState.PENDING) {
                opened.put(transfer.id(), TransferStateChecks.expiresAt(transfer));
            }
        }
        List<UUID> closed = new ArrayList<>();
        for (Transfer transfer : createdTransfers) {
            // A reservation made and settled within this batch never reaches the table of open ones.
            if (transfer.flags().postOrVoid() && !createdPending.contains(transfer.pendingId())) {
                closed.add(transfer.pendingId());
            }
        }
        return new Changes(inserted, updated, List.copyOf(createdTransfers), opened, closed);
    }

    /**
     * Rows to write: accounts to insert and to update (with final balances), transfers to insert, reservations
     * opened (id to deadline) and closed.
     */
    record Changes(List<Account> insertedAccounts, List<Account> updatedAccounts, List<Transfer> transfers,
                   Map<UUID, Long> openedReservations, List<UUID> closedReservations) {
        boolean isEmpty() {
            return insertedAccounts.isEmpty() && transfers.isEmpty();
        }
    }
}
