package org.kiungo.ledger;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Deposits and withdrawals of liquidity, as the admin API makes them. The caller chooses the transfer id, so
 * repeating a request cannot move money twice: it answers {@code EXISTS}, or an {@code EXISTS_WITH_DIFFERENT_*}
 * code when the id was used for something else.
 */
public final class Liquidity {
    private final Ledger ledger;

    public Liquidity(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Adds {@code amount} to a liquidity account (a peer's or an asset's) from the asset's settlement account. */
    public CompletableFuture<CreateTransferResult> deposit(UUID id, UUID settlement, UUID liquidity, int ledgerId,
                                                           long amount) {
        return ledger.createTransfer(Transfer.posted(id, settlement, liquidity, amount, ledgerId,
                TransferKind.DEPOSIT.code()));
    }

    /**
     * Takes {@code amount} out of a liquidity account to the settlement account: pending until
     * {@link #postWithdrawal posted} or {@link #voidWithdrawal voided} when {@code timeoutSeconds} is positive
     * (and void by itself once it passes), posted at once when it is zero.
     */
    public CompletableFuture<CreateTransferResult> withdraw(UUID id, UUID liquidity, UUID settlement, int ledgerId,
                                                            long amount, long timeoutSeconds) {
        Transfer transfer = timeoutSeconds == 0
                ? Transfer.posted(id, liquidity, settlement, amount, ledgerId, TransferKind.WITHDRAWAL.code())
                : Transfer.pending(id, liquidity, settlement, amount, ledgerId, TransferKind.WITHDRAWAL.code(),
                        timeoutSeconds);
        return ledger.createTransfer(transfer);
    }

    /** Completes a pending withdrawal; a second call answers {@code PENDING_TRANSFER_ALREADY_POSTED}. */
    public CompletableFuture<CreateTransferResult> postWithdrawal(UUID withdrawalId) {
        return ledger.createTransfer(Transfer.post(Ids.random(), withdrawalId, 0));
    }

    /** Cancels a pending withdrawal, returning the amount to the liquidity account. */
    public CompletableFuture<CreateTransferResult> voidWithdrawal(UUID withdrawalId) {
        return ledger.createTransfer(Transfer.voidPending(Ids.random(), withdrawalId));
    }
}
