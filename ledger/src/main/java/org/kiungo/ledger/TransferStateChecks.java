package org.kiungo.ledger;

import static org.kiungo.ledger.CreateTransferResult.OK;

import java.util.UUID;

/**
 * The checks of {@code createTransfers} against the ledger's state (accounts, the pending transfer, an earlier
 * transfer with the same id), in precedence order, after {@link TransferChecks#fieldError}. Every engine calls
 * these with the state it holds, so that all of them answer every transfer with the same code.
 */
public final class TransferStateChecks {
    /** Nanoseconds per second: timestamps are nanoseconds, timeouts seconds. */
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private TransferStateChecks() {
    }

    /**
     * The first error of a new (not post or void) transfer, or {@link CreateTransferResult#OK}: {@code debit},
     * {@code credit} and {@code existing} are the accounts and the transfer with its id as they stand, each
     * {@code null} when missing, and {@code nowNanos} is the ledger's time.
     */
    public static CreateTransferResult newTransferError(Transfer transfer, Account debit, Account credit,
                                                        Transfer existing, long nowNanos) {
        if (debit == null) return CreateTransferResult.DEBIT_ACCOUNT_NOT_FOUND;
        if (credit == null) return CreateTransferResult.CREDIT_ACCOUNT_NOT_FOUND;
        if (debit.ledger() != credit.ledger()) return CreateTransferResult.ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER;
        if (transfer.ledger() != debit.ledger()) {
            return CreateTransferResult.TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS;
        }
        if (existing != null) return TransferChecks.existsResult(transfer, existing);
        return balanceError(transfer, debit, credit, nowNanos);
    }

    private static CreateTransferResult balanceError(Transfer transfer, Account debit, Account credit,
                                                     long nowNanos) {
        long amount = transfer.amount();
        boolean pending = transfer.flags().pending();
        if (pending && Unsigned64.addOverflows(debit.debitsPending(), amount)) {
            return CreateTransferResult.OVERFLOWS_DEBITS_PENDING;
        }
        if (pending && Unsigned64.addOverflows(credit.creditsPending(), amount)) {
            return CreateTransferResult.OVERFLOWS_CREDITS_PENDING;
        }
        if (!pending && Unsigned64.addOverflows(debit.debitsPosted(), amount)) {
            return CreateTransferResult.OVERFLOWS_DEBITS_POSTED;
        }
        if (!pending && Unsigned64.addOverflows(credit.creditsPosted(), amount)) {
            return CreateTransferResult.OVERFLOWS_CREDITS_POSTED;
        }
        if (Unsigned64.addOverflows(debit.debitsPending(), debit.debitsPosted(), amount)) {
            return CreateTransferResult.OVERFLOWS_DEBITS;
        }
        if (Unsigned64.addOverflows(credit.creditsPending(), credit.creditsPosted(), amount)) {
            return CreateTransferResult.OVERFLOWS_CREDITS;
        }
        if (pending && timeoutOverflows(transfer.timeoutSeconds(), nowNanos)) {
            return CreateTransferResult.OVERFLOWS_TIMEOUT;
        }
        if (debit.flags().debitsMustNotExceedCredits() && Unsigned64.greaterThan(
                debit.debitsPending() + debit.debitsPosted() + amount, debit.creditsPosted())) {
            return CreateTransferResult.EXCEEDS_CREDITS;
        }
        if (credit.flags().creditsMustNotExceedDebits() && Unsigned64.greaterThan(
                credit.creditsPending() + credit.creditsPosted() + amount, credit.debitsPosted())) {
            return CreateTransferResult.EXCEEDS_DEBITS;
        }
        return OK;
    }

    private static boolean timeoutOverflows(long timeoutSeconds, long nowNanos) {
        return timeoutSeconds < 0 || timeoutSeconds > (Long.MAX_VALUE - nowNanos) / NANOS_PER_SECOND;
    }

    /**
     * The first error of a post or void, or {@link CreateTransferResult#OK}: {@code pending} is the transfer it
     * names ({@code null} when missing) and {@code state} that transfer's state, {@code existing} the transfer
     * already stored with the settling transfer's id, if any.
     */
    public static CreateTransferResult settlingError(Transfer transfer, Transfer pending, PendingState state,
                                                     Transfer existing, long nowNanos) {
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
        if (existing != null) return TransferChecks.existsResult(resolve(transfer, pending), existing);
        return switch (state) {
            case POSTED -> CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED;
            case VOIDED -> CreateTransferResult.PENDING_TRANSFER_ALREADY_VOIDED;
            case EXPIRED -> CreateTransferResult.PENDING_TRANSFER_EXPIRED;
            case PENDING -> expiresAt(pending) <= nowNanos ? CreateTransferResult.PENDING_TRANSFER_EXPIRED : OK;
        };
    }

    private static boolean differs(UUID given, UUID actual) {
        return !given.equals(Ids.ZERO) && !given.equals(actual);
    }

    /** A post or void as stored: accounts, ledger, code and amount taken from its pending transfer. */
    public static Transfer resolve(Transfer settling, Transfer pending) {
        long amount = settling.flags().voidPending() || settling.amount() == 0 ? pending.amount() : settling.amount();
        return new Transfer(settling.id(), pending.debitAccountId(), pending.creditAccountId(), amount,
                settling.pendingId(), pending.ledger(), pending.code(), settling.flags(), 0, 0);
    }

    /** When a pending transfer expires, in nanoseconds since the epoch, or {@link Long#MAX_VALUE} if never. */
    public static long expiresAt(Transfer pending) {
        return pending.timeoutSeconds() == 0 ? Long.MAX_VALUE
                : pending.timestamp() + pending.timeoutSeconds() * NANOS_PER_SECOND;
    }
}
