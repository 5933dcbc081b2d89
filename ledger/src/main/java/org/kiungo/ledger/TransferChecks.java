package org.kiungo.ledger;

import static org.kiungo.ledger.CreateTransferResult.ACCOUNTS_MUST_BE_DIFFERENT;
import static org.kiungo.ledger.CreateTransferResult.AMOUNT_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.CODE_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
import static org.kiungo.ledger.CreateTransferResult.CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
import static org.kiungo.ledger.CreateTransferResult.DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
import static org.kiungo.ledger.CreateTransferResult.ID_MUST_NOT_BE_INT_MAX;
import static org.kiungo.ledger.CreateTransferResult.ID_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.LEDGER_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.PENDING_ID_MUST_BE_DIFFERENT;
import static org.kiungo.ledger.CreateTransferResult.PENDING_ID_MUST_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.PENDING_ID_MUST_NOT_BE_INT_MAX;
import static org.kiungo.ledger.CreateTransferResult.PENDING_ID_MUST_NOT_BE_ZERO;
import static org.kiungo.ledger.CreateTransferResult.RESERVED_FLAG;
import static org.kiungo.ledger.CreateTransferResult.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;

/**
 * The checks of {@code createTransfers} that need nothing but the transfer itself, in precedence order, shared
 * by every engine so that they agree on every malformed transfer.
 */
public final class TransferChecks {
    private TransferChecks() {
    }

    /** The first field error of {@code transfer}, or {@code null} when its fields are well formed. */
    public static CreateTransferResult fieldError(Transfer transfer) {
        TransferFlags flags = transfer.flags();
        if ((flags.bits() & ~TransferFlags.KNOWN_BITS) != 0) return RESERVED_FLAG;
        if (transfer.id().equals(Ids.ZERO)) return ID_MUST_NOT_BE_ZERO;
        if (transfer.id().equals(Ids.MAX)) return ID_MUST_NOT_BE_INT_MAX;
        int kinds = (flags.pending() ? 1 : 0) + (flags.postPending() ? 1 : 0) + (flags.voidPending() ? 1 : 0);
        if (kinds > 1) return FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        return flags.postOrVoid() ? settlingError(transfer) : newTransferError(transfer);
    }

    private static CreateTransferResult newTransferError(Transfer transfer) {
        if (transfer.debitAccountId().equals(Ids.ZERO)) return DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
        if (transfer.debitAccountId().equals(Ids.MAX)) return DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (transfer.creditAccountId().equals(Ids.ZERO)) return CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO;
        if (transfer.creditAccountId().equals(Ids.MAX)) return CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (transfer.debitAccountId().equals(transfer.creditAccountId())) return ACCOUNTS_MUST_BE_DIFFERENT;
        if (!transfer.pendingId().equals(Ids.ZERO)) return PENDING_ID_MUST_BE_ZERO;
        if (!transfer.flags().pending() && transfer.timeoutSeconds() != 0) {
            return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        }
        if (transfer.amount() == 0) return AMOUNT_MUST_NOT_BE_ZERO;
        if (transfer.ledger() == 0) return LEDGER_MUST_NOT_BE_ZERO;
        if (transfer.code() == 0) return CODE_MUST_NOT_BE_ZERO;
        return null;
    }

    /** A post or void may leave accounts, ledger, code and amount zero, to be taken from the pending transfer. */
    private static CreateTransferResult settlingError(Transfer transfer) {
        if (transfer.debitAccountId().equals(Ids.MAX)) return DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (transfer.creditAccountId().equals(Ids.MAX)) return CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX;
        if (!transfer.debitAccountId().equals(Ids.ZERO)
                && transfer.debitAccountId().equals(transfer.creditAccountId())) {
            return ACCOUNTS_MUST_BE_DIFFERENT;
        }
        if (transfer.pendingId().equals(Ids.ZERO)) return PENDING_ID_MUST_NOT_BE_ZERO;
        if (transfer.pendingId().equals(Ids.MAX)) return PENDING_ID_MUST_NOT_BE_INT_MAX;
        if (transfer.pendingId().equals(transfer.id())) return PENDING_ID_MUST_BE_DIFFERENT;
        if (transfer.timeoutSeconds() != 0) return TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
        return null;
    }

    /** How {@code resubmitted} differs from the {@code existing} transfer with its id: an EXISTS code. */
    public static CreateTransferResult existsResult(Transfer resubmitted, Transfer existing) {
        if (resubmitted.flags().bits() != existing.flags().bits()) {
            return CreateTransferResult.EXISTS_WITH_DIFFERENT_FLAGS;
        }
        if (!resubmitted.pendingId().equals(existing.pendingId())) {
            return CreateTransferResult.EXISTS_WITH_DIFFERENT_PENDING_ID;
        }
        if (resubmitted.timeoutSeconds() != existing.timeoutSeconds()) {
            return CreateTransferResult.EXISTS_WITH_DIFFERENT_TIMEOUT;
        }
        if (!resubmitted.debitAccountId().equals(existing.debitAccountId())) {
            return CreateTransferResult.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        if (!resubmitted.creditAccountId().equals(existing.creditAccountId())) {
            return CreateTransferResult.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        if (resubmitted.amount() != existing.amount()) return CreateTransferResult.EXISTS_WITH_DIFFERENT_AMOUNT;
        if (resubmitted.ledger() != existing.ledger()) return CreateTransferResult.EXISTS_WITH_DIFFERENT_LEDGER;
        if (resubmitted.code() != existing.code()) return CreateTransferResult.EXISTS_WITH_DIFFERENT_CODE;
        return CreateTransferResult.EXISTS;
    }
}
