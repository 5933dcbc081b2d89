package org.kiungo.ledger.embedded;

import static org.kiungo.ledger.CreateTransferResult.OK;

import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferChecks;
import org.kiungo.ledger.Unsigned64;

/**
 * The {@code createTransfers} state machine: checks each transfer in precedence order, applies it, and undoes a
 * linked chain when one of its transfers fails. Changes are appended to an event list for the journal; a failed
 * chain takes its events back out, so the journal only ever sees whole chains.
 */
final class TransferProcessor {
    private final LedgerState state;

    TransferProcessor(LedgerState state) {
        this.state = state;
    }

    /** Applies a batch at time {@code nowNanos}; appends the changes to {@code events}. */
    CreateTransferResult[] createTransfers(List<Transfer> batch, long nowNanos, List<Event> events) {
        CreateTransferResult[] results = new CreateTransferResult[batch.size()];
        int chainStart = -1;
        int chainEventsStart = 0;
        for (int i = 0; i < batch.size(); i++) {
            Transfer transfer = batch.get(i);
            boolean linked = transfer.flags().linked();
            if (chainStart < 0 && linked) {
                chainStart = i;
                chainEventsStart = events.size();
            }
            results[i] = linked && i == batch.size() - 1 ? CreateTransferResult.LINKED_EVENT_CHAIN_OPEN
                    : createTransfer(transfer, nowNanos, events);
            if (chainStart < 0) continue;
            if (results[i] != OK) {
                i = failChain(batch, results, chainStart, i, events, chainEventsStart);
                chainStart = -1;
            } else if (!linked) {
                chainStart = -1;
            }
        }
        return results;
    }

    /** Undoes the chain's applied transfers and fails the rest of it; returns the index of its last transfer. */
    private int failChain(List<Transfer> batch, CreateTransferResult[] results, int chainStart, int failed,
                          List<Event> events, int chainEventsStart) {
        for (int i = events.size() - 1; i >= chainEventsStart; i--) {
            state.undoTransfer(((Event.TransferCreated) events.remove(i)).transfer());
        }
        for (int i = chainStart; i < failed; i++) {
            results[i] = CreateTransferResult.LINKED_EVENT_FAILED;
        }
        int last = failed;
        while (batch.get(last).flags().linked() && last + 1 < batch.size()) {
            last++;
            results[last] = CreateTransferResult.LINKED_EVENT_FAILED;
        }
        return last;
    }

    private CreateTransferResult createTransfer(Transfer transfer, long nowNanos, List<Event> events) {
        CreateTransferResult fieldError = TransferChecks.fieldError(transfer);
        if (fieldError != null) return fieldError;
        CreateTransferResult result = transfer.flags().postOrVoid() ? settlingResult(transfer, nowNanos)
                : newTransferResult(transfer, nowNanos);
        if (result != OK) return result;
        Transfer applied = transfer.flags().postOrVoid() ? resolve(transfer) : transfer;
        applied = applied.withTimestamp(state.nextTimestamp(nowNanos));
        state.applyTransfer(applied);
        events.add(new Event.TransferCreated(applied));
        return OK;
    }

    private CreateTransferResult newTransferResult(Transfer transfer, long nowNanos) {
        AccountEntry debit = state.accounts.get(transfer.debitAccountId());
        if (debit == null) return CreateTransferResult.DEBIT_ACCOUNT_NOT_FOUND;
        AccountEntry credit = state.accounts.get(transfer.creditAccountId());
        if (credit == null) return CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND;
        if (debit.created.ledger() != credit.created.ledger()) {
            return CreateTransferResult.ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER;
        }
        if (transfer.ledger() != debit.created.ledger()) {
            return CreateTransferResult.TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS;
        }
        Transfer existing = state.transfers.get(transfer.id());
        if (existing != null) return TransferChecks.existsResult(transfer, existing);
        return balanceResult(transfer, debit, credit, nowNanos);
    }

    private static CreateTransferResult balanceResult(Transfer transfer, AccountEntry debit, AccountEntry credit,
                                                      long nowNanos) {
        long amount = transfer.amount();
        boolean pending = transfer.flags().pending();
        if (pending && Unsigned64.addOverflows(debit.debitsPending, amount)) {
            return CreateTransferResult.OVERFLOWS_DEBITS_PENDING;
        }
        if (pending && Unsigned64.addOverflows(credit.creditsPending, amount)) {
            return CreateTransferResult.OVERFLOWS_CREDITS_PENDING;
        }
        if (!pending && Unsigned64.addOverflows(debit.debitsPosted, amount)) {
            return CreateTransferResult.OVERFLOWS_DEBITS_POSTED;
        }
        if (!pending && Unsigned64.addOverflows(credit.creditsPosted, amount)) {
            return CreateTransferResult.OVERFLOWS_CREDITS_POSTED;
        }
        if (Unsigned64.addOverflows(debit.debitsPending, debit.debitsPosted, amount)) {
            return CreateTransferResult.OVERFLOWS_DEBITS;
        }
        if (Unsigned64.addOverflows(credit.creditsPending, credit.creditsPosted, amount)) {
            return CreateTransferResult.OVERFLOWS_CREDITS;
        }
        if (pending && timeoutOverflows(transfer.timeoutSeconds(), nowNanos)) {
            return CreateTransferResult.OVERFLOWS_TIMEOUT;
        }
        if (debit.created.flags().debitsMustNotExceedCredits()
                && Unsigned64.greaterThan(debit.debitsPending + debit.debitsPosted + amount, debit.creditsPosted)) {
            return CreateTransferResult.EXCEEDS_CREDITS;
        }
        if (credit.created.flags().creditsMustNotExceedDebits()
                && Unsigned64.greaterThan(credit.creditsPending + credit.creditsPosted + amount, credit.debitsPosted)) {
            return CreateTransferResult.EXCEEDS_DEBITS;
        }
        return OK;
    }

    private static boolean timeoutOverflows(long timeoutSeconds, long nowNanos) {
        return timeoutSeconds < 0 || timeoutSeconds > (Long.MAX_VALUE - nowNanos) / LedgerState.NANOS_PER_SECOND;
    }

    private CreateTransferResult settlingResult(Transfer transfer, long nowNanos) {
        Transfer pending = state.transfers.get(transfer.pendingId());
        if (pending == null) return CreateTransferResult.PENDING_TRANSFER_NOT_FOUND;
        if (!pending.flags().pending()) return CreateTransferResult.PENDING_TRANSFER_NOT_PENDING;
        if (differs(transfer.debitAccountId(), pending.debitAccountId())) {
            return CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        if (differs(transfer.creditAccountId(), pending.creditAccountId())) {
            return CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        if (transfer.ledger() != 0 && transfer.ledger() != pending.ledger()) {
            return CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_LEDGER;
        }
        if (transfer.code() != 0 && transfer.code() != pending.code()) {
            return CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_CODE;
        }
        if (transfer.flags().postPending() && Unsigned64.greaterThan(transfer.amount(), pending.amount())) {
            return CreateTransferResult.EXCEEDS_PENDING_TRANSFER_AMOUNT;
        }
        if (transfer.flags().voidPending() && transfer.amount() != 0 && transfer.amount() != pending.amount()) {
            return CreateTransferResult.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT;
        }
        Transfer existing = state.transfers.get(transfer.id());
        if (existing != null) return TransferChecks.existsResult(resolve(transfer), existing);
        return switch (state.pendingStates.get(pending.id())) {
            case POSTED -> CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED;
            case VOIDED -> CreateTransferResult.PENDING_TRANSFER_ALREADY_VOIDED;
            case EXPIRED -> CreateTransferResult.PENDING_TRANSFER_EXPIRED;
            case PENDING -> LedgerState.expiresAt(pending) <= nowNanos
                    ? CreateTransferResult.PENDING_TRANSFER_EXPIRED : OK;
        };
    }

    private static boolean differs(UUID given, UUID actual) {
        return !given.equals(Ids.ZERO) && !given.equals(actual);
    }

    /** A post or void with accounts, ledger, code and amount taken from its pending transfer. */
    private Transfer resolve(Transfer settling) {
        Transfer pending = state.transfers.get(settling.pendingId());
        long amount = settling.flags().voidPending() || settling.amount() == 0 ? pending.amount() : settling.amount();
        return new Transfer(settling.id(), pending.debitAccountId(), pending.creditAccountId(), amount,
                settling.pendingId(), pending.ledger(), pending.code(), settling.flags(), 0, 0);
    }

    /**
     * Expires pending transfers whose timeout has passed, looking at {@code max} deadlines at most so that one
     * sweep never holds up the writer for long; returns how many it expired.
     */
    int expireDue(long nowNanos, int max, List<Event> events) {
        int expired = 0;
        for (int polled = 0; polled < max && !state.expiries.isEmpty()
                && state.expiries.peek().expiresAt() <= nowNanos; polled++) {
            LedgerState.Expiry expiry = state.expiries.poll();
            Transfer pending = state.transfers.get(expiry.pendingId());
            // Entries of transfers settled, undone or re-created since are stale: skip them.
            if (pending == null || state.pendingStates.get(pending.id()) != PendingState.PENDING
                    || LedgerState.expiresAt(pending) > nowNanos) {
                continue;
            }
            state.applyExpiry(pending.id());
            events.add(new Event.PendingExpired(pending.id()));
            expired++;
        }
        return expired;
    }
}
