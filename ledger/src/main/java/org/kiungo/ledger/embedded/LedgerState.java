package org.kiungo.ledger.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kiungo.ledger.Account;
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

    /** A consistent image of the live state, as a snapshot records it. */
    record Image(List<Account> accounts, List<Transfer> openPendings, long lastTimestamp) {
    }

    final Map<UUID, AccountEntry> accounts = new HashMap<>();
    /** The live transfers: those of the current generation and every pending one still open. */
    TransferStore transfers = new TransferStore(0);
    final Archive archive = new Archive();
    final Expiries expiries = new Expiries();
    private long lastTimestamp;

    /** A unique, increasing timestamp no earlier than {@code nowNanos}. */
    long nextTimestamp(long nowNanos) {
        lastTimestamp = Math.max(nowNanos, lastTimestamp + 1);
        return lastTimestamp;
    }

    void applyAccount(Account account) {
        accounts.put(account.id(), new AccountEntry(account));
        lastTimestamp = Math.max(lastTimestamp, account.timestamp());
    }

    /** Applies a validated, resolved transfer: accounts, amount and ledger are filled in even for post/void. */
    void applyTransfer(Transfer transfer) {
        applyTransfer(transfer, accounts.get(transfer.debitAccountId()), accounts.get(transfer.creditAccountId()));
    }

    /** As {@link #applyTransfer(Transfer)}, with the transfer's accounts already looked up. */
    void applyTransfer(Transfer transfer, AccountEntry debit, AccountEntry credit) {
        long amount = transfer.amount();
        PendingState state = null;
        if (transfer.flags().pending()) {
            debit.debitsPending = Unsigned64.add(debit.debitsPending, amount);
            credit.creditsPending = Unsigned64.add(credit.creditsPending, amount);
            state = PendingState.PENDING;
        } else if (transfer.flags().postOrVoid()) {
            int pending = transfers.find(transfer.pendingId());
            long reserved = transfers.amount(pending);
            debit.debitsPending = Unsigned64.subtract(debit.debitsPending, reserved);
            credit.creditsPending = Unsigned64.subtract(credit.creditsPending, reserved);
            if (transfer.flags().postPending()) {
                debit.debitsPosted = Unsigned64.add(debit.debitsPosted, amount);
                credit.creditsPosted = Unsigned64.add(credit.creditsPosted, amount);
            }
            transfers.setState(pending, transfer.flags().postPending() ? PendingState.POSTED : PendingState.VOIDED);
        } else {
            debit.debitsPosted = Unsigned64.add(debit.debitsPosted, amount);
            credit.creditsPosted = Unsigned64.add(credit.creditsPosted, amount);
        }
        int record = transfers.add(transfer, state);
        if (state != null) expiries.add(transfer.timeoutSeconds(), record);
        insert(record, transfer, debit, credit);
    }

    /** Takes back the transfer applied last, when a later transfer of its linked chain fails. */
    void undoTransfer(Transfer transfer) {
        AccountEntry debit = accounts.get(transfer.debitAccountId());
        AccountEntry credit = accounts.get(transfer.creditAccountId());
        long amount = transfer.amount();
        if (transfer.flags().pending()) {
            debit.debitsPending = Unsigned64.subtract(debit.debitsPending, amount);
            credit.creditsPending = Unsigned64.subtract(credit.creditsPending, amount);
            expiries.removeNewest(transfer.timeoutSeconds(), transfers.size() - 1);
        } else if (transfer.flags().postOrVoid()) {
            // Its deadline is still queued: a post or void leaves it there for the sweep to drop.
            int pending = transfers.find(transfer.pendingId());
            long reserved = transfers.amount(pending);
            debit.debitsPending = Unsigned64.add(debit.debitsPending, reserved);
            credit.creditsPending = Unsigned64.add(credit.creditsPending, reserved);
            if (transfer.flags().postPending()) {
                debit.debitsPosted = Unsigned64.subtract(debit.debitsPosted, amount);
                credit.creditsPosted = Unsigned64.subtract(credit.creditsPosted, amount);
            }
            transfers.setState(pending, PendingState.PENDING);
        } else {
            debit.debitsPosted = Unsigned64.subtract(debit.debitsPosted, amount);
            credit.creditsPosted = Unsigned64.subtract(credit.creditsPosted, amount);
        }
        int record = transfers.size() - 1;
        debit.transfers.removeLast(record);
        credit.transfers.removeLast(record);
        transfers.removeLast(record);
    }

    /** Releases an expired reservation, which the sweep has taken off its queue of deadlines. */
    void applyExpiry(UUID pendingId) {
        applyExpiry(transfers.find(pendingId));
    }

    void applyExpiry(int record) {
        Transfer pending = transfers.transfer(record);
        AccountEntry debit = accounts.get(pending.debitAccountId());
        AccountEntry credit = accounts.get(pending.creditAccountId());
        debit.debitsPending = Unsigned64.subtract(debit.debitsPending, pending.amount());
        credit.creditsPending = Unsigned64.subtract(credit.creditsPending, pending.amount());
        transfers.setState(record, PendingState.EXPIRED);
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
        int record = transfers.add(pending, PendingState.PENDING);
        expiries.add(pending.timeoutSeconds(), record);
        insert(record, pending, accounts.get(pending.debitAccountId()),
                accounts.get(pending.creditAccountId()));
    }

    /** The transfer with {@code id}, live or archived, or {@code null}. */
    Transfer transfer(UUID id) {
        int live = transfers.find(id);
        return live >= 0 ? transfers.transfer(live) : archive.find(id);
    }

    /** The state of pending transfer {@code id}, live or archived, or {@code null}. */
    PendingState pendingState(UUID id) {
        int live = transfers.find(id);
        return live >= 0 ? transfers.state(live) : archive.state(id);
    }

    /** The account's transfers after timestamp {@code cursor}, at most {@code limit}, live and archived. */
    TransferPage accountTransfers(UUID accountId, long cursor, int limit) {
        AccountEntry entry = accounts.get(accountId);
        if (entry == null) return new TransferPage(List.of(), cursor, false);
        RecordList all = entry.transfers;
        List<Transfer> found = new ArrayList<>();
        for (int i = all.firstAfter(transfers, cursor); i < all.size() && found.size() <= limit; i++) {
            found.add(transfers.transfer(all.get(i)));
        }
        found.addAll(archive.after(accountId, cursor, limit + 1));
        found.sort(Comparator.comparingLong(Transfer::timestamp));
        List<Transfer> page = found.subList(0, Math.min(limit, found.size()));
        return new TransferPage(page, page.isEmpty() ? cursor : page.get(page.size() - 1).timestamp(),
                found.size() > limit);
    }

    /**
     * Closes the current generation: its transfers move to a {@link FrozenGeneration} for the archive, except the
     * pending ones still open, which are copied into the next generation's store in timestamp order.
     */
    FrozenGeneration freeze() {
        TransferStore closed = transfers;
        // The next generation will likely be about as large (more or fewer open reservations carried over): sized
        // for it with room to spare, the store does not grow, which would copy every record and rehash the index.
        transfers = new TransferStore(closed.size() + closed.size() / 4);
        expiries.clear();
        Map<UUID, RecordList> byAccount = new HashMap<>();
        for (AccountEntry entry : accounts.values()) {
            if (entry.transfers.size() > 0) byAccount.put(entry.created.id(), entry.transfers);
            entry.transfers = new RecordList();
        }
        for (int record = 0; record < closed.size(); record++) {
            if (closed.open(record)) {
                Transfer pending = closed.transfer(record);
                int copy = transfers.copy(closed, record);
                expiries.add(pending.timeoutSeconds(), copy);
                insert(copy, pending, accounts.get(pending.debitAccountId()),
                        accounts.get(pending.creditAccountId()));
            }
        }
        FrozenGeneration generation = new FrozenGeneration(closed, byAccount);
        archive.freeze(generation);
        return generation;
    }

    /** What a snapshot taken now holds: accounts with balances, open pending transfers, the newest timestamp. */
    Image image() {
        List<Account> images = new ArrayList<>(accounts.size());
        accounts.values().forEach(entry -> images.add(entry.toAccount()));
        List<Transfer> open = new ArrayList<>();
        for (int record = 0; record < transfers.size(); record++) {
            if (transfers.open(record)) open.add(transfers.transfer(record));
        }
        return new Image(images, open, lastTimestamp);
    }

    /** Indexes {@code record}, just added to the store, which holds {@code transfer}. */
    private void insert(int record, Transfer transfer, AccountEntry debit, AccountEntry credit) {
        debit.transfers.add(record);
        credit.transfers.add(record);
        lastTimestamp = Math.max(lastTimestamp, transfer.timestamp());
    }
}
