package org.kiungo.ledger.embedded;

import static org.kiungo.ledger.CreateTransferResult.OK;

import java.util.List;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.LinkedChains;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferChecks;
import org.kiungo.ledger.TransferStateChecks;

/**
 * The {@code createTransfers} state machine: checks each transfer in precedence order, applies it, and undoes a
 * linked chain when one of its transfers fails. Changes are appended to an event list for the journal; a failed
 * chain takes its events back out, so the journal only ever sees whole chains.
 */
final class TransferProcessor {
    /** Transfers whose index slots are read ahead at a time: enough misses to overlap, few enough to stay cached. */
    private static final int WARM_AHEAD = 128;

    private final LedgerState state;

    TransferProcessor(LedgerState state) {
        this.state = state;
    }

    /** Applies a batch at time {@code nowNanos}; appends the changes to {@code events}. */
    CreateTransferResult[] createTransfers(List<Transfer> batch, long nowNanos, List<Event> events) {
        return LinkedChains.apply(batch, new LinkedChains.Applier() {
            private int calls;
            private int warmed;

            @Override
            public CreateTransferResult apply(Transfer transfer) {
                // Calls come in batch order (skipping only the rest of a failed chain): warm the next ones.
                if (calls++ == warmed) warmed = state.transfers.warm(batch, warmed, WARM_AHEAD);
                return createTransfer(transfer, nowNanos, events);
            }

            @Override
            public int mark() {
                return events.size();
            }

            @Override
            public void rollback(int mark) {
                for (int i = events.size() - 1; i >= mark; i--) {
                    state.undoTransfer(((Event.TransferCreated) events.remove(i)).transfer());
                }
            }
        });
    }

    private CreateTransferResult createTransfer(Transfer transfer, long nowNanos, List<Event> events) {
        CreateTransferResult fieldError = TransferChecks.fieldError(transfer);
        if (fieldError != null) return fieldError;
        if (transfer.flags().postOrVoid()) {
            Transfer pending = state.transfer(transfer.pendingId());
            CreateTransferResult result = settlingResult(transfer, pending, nowNanos);
            if (result != OK) return result;
            return apply(TransferStateChecks.resolve(transfer, pending), nowNanos, events, null, null);
        }
        AccountEntry debit = state.accounts.get(transfer.debitAccountId());
        AccountEntry credit = state.accounts.get(transfer.creditAccountId());
        CreateTransferResult result = TransferStateChecks.newTransferError(transfer,
                debit == null ? null : debit.toAccount(), credit == null ? null : credit.toAccount(),
                state.transfer(transfer.id()), nowNanos);
        return result != OK ? result : apply(transfer, nowNanos, events, debit, credit);
    }

    /** Applies a checked transfer; {@code debit} and {@code credit} are its accounts, or null to look them up. */
    private CreateTransferResult apply(Transfer checked, long nowNanos, List<Event> events, AccountEntry debit,
                                       AccountEntry credit) {
        Transfer applied = checked.withTimestamp(state.nextTimestamp(nowNanos));
        if (debit == null) {
            state.applyTransfer(applied);
        } else {
            state.applyTransfer(applied, debit, credit);
        }
        events.add(new Event.TransferCreated(applied));
        return OK;
    }

    private CreateTransferResult settlingResult(Transfer transfer, Transfer pending, long nowNanos) {
        PendingState pendingState = pending == null ? null : state.pendingState(pending.id());
        return TransferStateChecks.settlingError(transfer, pending, pendingState, state.transfer(transfer.id()),
                nowNanos);
    }

    /**
     * Expires pending transfers whose timeout has passed, looking at {@code max} deadlines at most so that one
     * sweep never holds up the writer for long; returns how many it expired.
     */
    int expireDue(long nowNanos, int max, List<Event> events) {
        return state.expiries.expireDue(state.transfers, nowNanos, max, record -> {
            state.applyExpiry(record);
            events.add(new Event.PendingExpired(state.transfers.id(record)));
        });
    }
}
