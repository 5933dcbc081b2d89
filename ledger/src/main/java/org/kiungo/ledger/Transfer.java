package org.kiungo.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * An immutable movement of {@code amount} (unsigned 64-bit) from {@code debitAccountId} to {@code creditAccountId}
 * on one {@code ledger}. The {@code id} is chosen by the client and makes submission idempotent. A pending
 * transfer reserves the amount until a later transfer posts it (possibly for less) or voids it by
 * {@code pendingId}, or until {@code timeoutSeconds} pass and it expires. A post or void may leave the accounts,
 * ledger and code zero and the amount zero: the ledger fills them in from the pending transfer, a zero amount
 * meaning "all of it". {@code timestamp} is assigned by the ledger (nanoseconds since the epoch, unique and
 * increasing) and is zero when submitting.
 */
public record Transfer(UUID id, UUID debitAccountId, UUID creditAccountId, long amount, UUID pendingId, int ledger,
                       int code, TransferFlags flags, long timeoutSeconds, long timestamp) {
    public Transfer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(debitAccountId, "debitAccountId");
        Objects.requireNonNull(creditAccountId, "creditAccountId");
        Objects.requireNonNull(pendingId, "pendingId");
        Objects.requireNonNull(flags, "flags");
    }

    /** A transfer posted at once. */
    public static Transfer posted(UUID id, UUID debit, UUID credit, long amount, int ledger, int code) {
        return new Transfer(id, debit, credit, amount, Ids.ZERO, ledger, code, TransferFlags.NONE, 0, 0);
    }

    /** A pending transfer that expires after {@code timeoutSeconds}, or never when zero. */
    public static Transfer pending(UUID id, UUID debit, UUID credit, long amount, int ledger, int code,
                                   long timeoutSeconds) {
        return new Transfer(id, debit, credit, amount, Ids.ZERO, ledger, code, TransferFlags.PENDING,
                timeoutSeconds, 0);
    }

    /** Posts {@code amount} of pending transfer {@code pendingId}; zero posts all of it. */
    public static Transfer post(UUID id, UUID pendingId, long amount) {
        return new Transfer(id, Ids.ZERO, Ids.ZERO, amount, pendingId, 0, 0, TransferFlags.POST_PENDING, 0, 0);
    }

    /** Voids pending transfer {@code pendingId}. */
    public static Transfer voidPending(UUID id, UUID pendingId) {
        return new Transfer(id, Ids.ZERO, Ids.ZERO, 0, pendingId, 0, 0, TransferFlags.VOID_PENDING, 0, 0);
    }

    /** This transfer chained to the next one in its batch. */
    public Transfer linked() {
        return withFlags(flags.with(TransferFlags.LINKED));
    }

    public Transfer withFlags(TransferFlags newFlags) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, ledger, code, newFlags,
                timeoutSeconds, timestamp);
    }

    public Transfer withTimestamp(long newTimestamp) {
        return new Transfer(id, debitAccountId, creditAccountId, amount, pendingId, ledger, code, flags,
                timeoutSeconds, newTimestamp);
    }

    @Override
    public String toString() {
        return "Transfer[" + id + " " + debitAccountId + " -> " + creditAccountId + " "
                + Unsigned64.toString(amount) + " ledger=" + ledger + " code=" + code + " " + flags
                + (pendingId.equals(Ids.ZERO) ? "" : " pendingId=" + pendingId)
                + (timeoutSeconds == 0 ? "" : " timeout=" + timeoutSeconds + "s") + " @" + timestamp + "]";
    }
}
