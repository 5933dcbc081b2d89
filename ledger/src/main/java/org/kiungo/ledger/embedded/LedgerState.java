package org.kiungo.ledger.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.UUID;
import org.kiungo.ledger.Account;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferPage;
import org.kiungo.ledger.TransferStateChecks;
import org.kiungo.ledger.Unsigned64;

/**
 * Everything the embedded ledger knows, owned by one thread: accounts and live transfers in memory, finished
 * transfers of closed generations in the {@link Archive}. The {@code apply} methods are the only ways state
 * changes; they trust their input (the processor validated it, or it comes back from the journal) and are used
 * both live and on recovery, so that replay reproduces exactly what was acknowledged.
 */
final class LedgerState {
    static final long NANOS_PER_SECOND = TransferStateChecks.NANOS_PER_SECOND;

    /**
     * An open pending transfer's deadline, ordered by deadline then by the transfer's unique timestamp. Posting or
     * voiding removes it, so the set holds only reservations in flight rather than every one of the last timeout.
     */
    record Expiry(long expiresAt, long timestamp, UUID pendingId) {
    }

    /** A consistent image of the live state, as a snapshot records it. */
    record Image(List<Account> accounts, List<Transfer> openPendings, long lastTimestamp) {
    }

    final Map<UUID, AccountEntry> accounts = new HashMap<>();
    /** The live transfers: those of the current generation and every pending one still open. */
    Map<UUID, Transfer> transfers = new HashMap<>();
    Map<UUID, PendingState> pendingStates = new HashMap<>();
    final Archive archive = new Archive();
    final NavigableSet<Expiry> expiries = new TreeSet<>((a, b) -> a.expiresAt != b.expiresAt
            ? Long.compare(a.expiresAt, b.expiresAt) : Long.compare(a.timestamp, b.timestamp));
    private long lastTimestamp;
    /** The newest time in the time-ordered ids of the live transfers, which a frozen generation filters by. */
    private long newestTimeOrderedMillis = -1;

    /** A unique, increasing timestamp no earlier than {@code nowNanos}. */
    long nextTimestamp(long nowNanos) {
        lastTimestamp = Math.max(nowNanos, lastTimestamp + 1);
        return lastTimestamp;
    }

    /** When a pending transfer expires, or {@link Long#MAX_VALUE} if never. */
    static long expiresAt(Transfer pending) {
        return TransferStateChecks.expiresAt(pending);
    }

    void applyAccount(Account account) {
        accounts.put(account.id(), new AccountEntry(account));
        lastTimestamp = Math.max(lastTimestamp, account.timestamp());
    }

    /** Applies a validated, resolved transfer: accounts, amount and ledger are filled in even for post/void. */
    void applyTransfer(Transfer transfer) {
        AccountEntry debit = accounts.get(transfer.debitAccountId());
        AccountEntry credit = accounts.get(transfer.creditAccountId());
        long amount = transfer.amount();
        if (transfer.flags().pending()) {
            debit.debitsPending = Unsigned64.add(debit.debitsPending, amount);
            credit.creditsPending = Unsigned64.add(credit.creditsPending, amount);
            pendingStates.put(transfer.id(), PendingState.PENDING);
            addExpiry(transfer);
        } else if (transfer.flags().postOrVoid()) {
            Transfer pending = transfers.get(transfer.pendingId());
            removeExpiry(pending);
            long reserved = pending.amount();
            debit.debitsPending = Unsigned64.subtract(debit.debitsPending, reserved);
            credit.creditsPending = Unsigned64.subtract(credit.creditsPending, reserved);
            if (transfer.flags().postPending()) {
                debit.debitsPosted = Unsigned64.add(debit.debitsPosted, amount);
                credit.creditsPosted = Unsigned64.add(credit.creditsPosted, amount);
            }
            pendingStates.put(transfer.pendingId(),
                    transfer.flags().postPending() ? PendingState.POSTED : PendingState.VOIDED);
        } else {
            debit.debitsPosted = Unsigned64.add(debit.debitsPosted, amount);
            credit.creditsPosted = Unsigned64.add(credit.creditsPosted, amount);
        }
        insert(transfer, debit, credit);
    }

    /** Takes back the transfer applied last, when a later transfer of its linked chain fails. */
    void undoTransfer(Transfer transfer) {
        AccountEntry debit = accounts.get(transfer.debitAccountId());
        AccountEntry credit = accounts.get(transfer.creditAccountId());
        long amount = transfer.amount();
        if (transfer.flags().pending()) {
            debit.debitsPending = Unsigned64.subtract(debit.debitsPending, amount);
            credit.creditsPending = Unsigned64.subtract(credit.creditsPending, amount);
            pendingStates.remove(transfer.id());
            removeExpiry(transfer);
        } else if (transfer.flags().postOrVoid()) {
            Transfer pending = transfers.get(transfer.pendingId());
            addExpiry(pending);
            long reserved = pending.amount();
            debit.debitsPending = Unsigned64.add(debit.debitsPending, reserved);
            credit.creditsPending = Unsigned64.add(credit.creditsPending, reserved);
            if (transfer.flags().postPending()) {
                debit.debitsPosted = Unsigned64.subtract(debit.debitsPosted, amount);
                credit.creditsPosted = Unsigned64.subtract(credit.creditsPosted, amount);
            }
            pendingStates.put(transfer.pendingId(), PendingState.PENDING);
        } else {
            debit.debitsPosted = Unsigned64.subtract(debit.debitsPosted, amount);
            credit.creditsPosted = Unsigned64.subtract(credit.creditsPosted, amount);
        }
        transfers.remove(transfer.id());
        removeLast(debit.transfers, transfer);
        removeLast(credit.transfers, transfer);
    }

    /** Releases an expired reservation. */
    void applyExpiry(UUID pendingId) {
        Transfer pending = transfers.get(pendingId);
        AccountEntry debit = accounts.get(pending.debitAccountId());
        AccountEntry credit = accounts.get(pending.creditAccountId());
        debit.debitsPending = Unsigned64.subtract(debit.debitsPending, pending.amount());
        credit.creditsPending = Unsigned64.subtract(credit.creditsPending, pending.amount());
        pendingStates.put(pendingId, PendingState.EXPIRED);
        removeExpiry(pending);
    }

    private void addExpiry(Transfer pending) {
        if (pending.timeoutSeconds() != 0) {
            expiries.add(new Expiry(expiresAt(pending), pending.timestamp(), pending.id()));
        }
    }

    private void removeExpiry(Transfer pending) {
        if (pending.timeoutSeconds() != 0) {
            expiries.remove(new Expiry(expiresAt(pending), pending.timestamp(), pending.id()));
        }
    }

    /** Applies a journal or snapshot event on recovery. */
    void apply(Event event) {
        switch (event) {
            case Event.AccountCreated e -> applyAccount(e.account());
            case Event.TransferCreated e -> applyTransfer(e.transfer());
            case Event.PendingExpired e -> applyExpiry(e.pendingId());
            case Event.AccountImage e -> applyAccount(e.account());
            case Event.OpenPending e -> restorePending(e.transfer());
            case Event.Watermark e -> lastTimestamp = Math.max(lastTimestamp, e.lastTimestamp());
        }
    }

    private void restorePending(Transfer pending) {
        pendingStates.put(pending.id(), PendingState.PENDING);
        addExpiry(pending);
        insert(pending, accounts.get(pending.debitAccountId()), accounts.get(pending.creditAccountId()));
    }

    /** The transfer with {@code id}, live or archived, or {@code null}. */
    Transfer transfer(UUID id) {
        Transfer live = transfers.get(id);
        return live != null ? live : archive.find(id);
    }

    /** The state of pending transfer {@code id}, live or archived, or {@code null}. */
    PendingState pendingState(UUID id) {
        PendingState live = pendingStates.get(id);
        return live != null ? live : archive.state(id);
    }

    /** The account's transfers after timestamp {@code cursor}, at most {@code limit}, live and archived. */
    TransferPage accountTransfers(UUID accountId, long cursor, int limit) {
        AccountEntry entry = accounts.get(accountId);
        if (entry == null) return new TransferPage(List.of(), cursor, false);
        List<Transfer> all = entry.transfers;
        int from = firstAfter(all, cursor);
        List<Transfer> found = new ArrayList<>(all.subList(from, Math.min(all.size(), from + limit + 1)));
        found.addAll(archive.after(accountId, cursor, limit + 1));
        found.sort(Comparator.comparingLong(Transfer::timestamp));
        List<Transfer> page = found.subList(0, Math.min(limit, found.size()));
        return new TransferPage(page, page.isEmpty() ? cursor : page.get(page.size() - 1).timestamp(),
                found.size() > limit);
    }

    /**
     * Closes the current generation: its transfers move to a {@link FrozenGeneration} for the archive, except the
     * pending ones still open, which stay live.
     */
    FrozenGeneration freeze() {
        Map<UUID, Transfer> closedTransfers = transfers;
        Map<UUID, PendingState> closedStates = pendingStates;
        long closedNewest = newestTimeOrderedMillis;
        // The next generation will likely be as large: sized for it, the maps never grow by rehashing.
        transfers = HashMap.newHashMap(closedTransfers.size());
        pendingStates = HashMap.newHashMap(closedStates.size());
        newestTimeOrderedMillis = -1;
        Map<UUID, List<Transfer>> byAccount = new HashMap<>();
        for (AccountEntry entry : accounts.values()) {
            byAccount.put(entry.created.id(), entry.transfers);
            entry.transfers = new ArrayList<>();
        }
        List<Transfer> open = new ArrayList<>();
        closedStates.forEach((id, state) -> {
            if (state == PendingState.PENDING) open.add(closedTransfers.get(id));
        });
        open.sort(Comparator.comparingLong(Transfer::timestamp));
        for (Transfer pending : open) {
            pendingStates.put(pending.id(), PendingState.PENDING);
            insert(pending, accounts.get(pending.debitAccountId()), accounts.get(pending.creditAccountId()));
        }
        FrozenGeneration generation = new FrozenGeneration(closedTransfers, closedStates, byAccount, closedNewest);
        archive.freeze(generation);
        return generation;
    }

    /** What a snapshot taken now holds: accounts with balances, open pending transfers, the newest timestamp. */
    Image image() {
        List<Account> images = new ArrayList<>(accounts.size());
        accounts.values().forEach(entry -> images.add(entry.toAccount()));
        List<Transfer> open = new ArrayList<>();
        pendingStates.forEach((id, state) -> {
            if (state == PendingState.PENDING) open.add(transfers.get(id));
        });
        open.sort(Comparator.comparingLong(Transfer::timestamp));
        return new Image(images, open, lastTimestamp);
    }

    /** Index of the first transfer with a timestamp above {@code cursor}: the list is in timestamp order. */
    static int firstAfter(List<Transfer> transfers, long cursor) {
        int low = 0;
        int high = transfers.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (transfers.get(middle).timestamp() <= cursor) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private void insert(Transfer transfer, AccountEntry debit, AccountEntry credit) {
        transfers.put(transfer.id(), transfer);
        newestTimeOrderedMillis = Math.max(newestTimeOrderedMillis, Ids.timeOrderedMillis(transfer.id()));
        debit.transfers.add(transfer);
        credit.transfers.add(transfer);
        lastTimestamp = Math.max(lastTimestamp, transfer.timestamp());
    }

    private static void removeLast(List<Transfer> list, Transfer expected) {
        Transfer removed = list.remove(list.size() - 1);
        assert removed == expected : "undo out of order";
    }
}
