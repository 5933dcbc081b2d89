package org.kiungo.peering;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferKind;

/**
 * Deposits and two-phase withdrawals of peer and asset liquidity. The operator picks each transfer's id, so a
 * repeated request cannot move money twice: a reused id is refused as DUPLICATE. A withdrawal without a timeout
 * stays pending until posted or voided; with {@code timeoutSeconds} 0 it is posted at once; with N it is voided
 * by the ledger after N seconds unless posted first.
 */
public final class LiquidityOperations {
    private final Ledger ledger;
    private final PeeringStore store;
    private final Clock clock;

    LiquidityOperations(Ledger ledger, PeeringStore store, Clock clock) {
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
    }

    /** Adds {@code amount} to the peer's credit line, from its asset's settlement account. */
    public void depositToPeer(PeerRecord peer, AssetRecord asset, UUID transferId, long amount) {
        Inputs.positiveAmount("amount", amount);
        check(ledger.createTransfer(Transfer.posted(transferId, asset.settlementAccountId(),
                peer.liquidityAccountId(), amount, asset.ledger(), TransferKind.DEPOSIT.code())).join(), transferId);
    }

    /** Adds {@code amount} to the node's own liquidity in the asset. */
    public void depositToAsset(AssetRecord asset, UUID transferId, long amount) {
        Inputs.positiveAmount("amount", amount);
        check(ledger.createTransfer(Transfer.posted(transferId, asset.settlementAccountId(),
                asset.liquidityAccountId(), amount, asset.ledger(), TransferKind.DEPOSIT.code())).join(), transferId);
    }

    /** Adds {@code amount} to an account in {@code asset} (a wallet's), from the asset's settlement account. */
    void depositToAccount(UUID accountId, AssetRecord asset, UUID transferId, long amount) {
        Inputs.positiveAmount("amount", amount);
        check(ledger.createTransfer(Transfer.posted(transferId, asset.settlementAccountId(), accountId, amount,
                asset.ledger(), TransferKind.DEPOSIT.code())).join(), transferId);
    }

    /** Takes {@code amount} out of the peer's credit line (see the class documentation for the timeout). */
    public void withdrawFromPeer(PeerRecord peer, AssetRecord asset, UUID transferId, long amount,
                                 OptionalLong timeoutSeconds) {
        withdraw(new WithdrawalRecord(transferId, WithdrawalRecord.Owner.PEER, peer.id(), amount, timeoutSeconds,
                clock.instant()), peer.liquidityAccountId(), asset);
    }

    /** Takes {@code amount} out of the node's own liquidity in the asset. */
    public void withdrawFromAsset(AssetRecord asset, UUID transferId, long amount, OptionalLong timeoutSeconds) {
        withdraw(new WithdrawalRecord(transferId, WithdrawalRecord.Owner.ASSET, asset.id().toString(), amount,
                timeoutSeconds, clock.instant()), asset.liquidityAccountId(), asset);
    }

    /** Completes a pending withdrawal: CONFLICT when already posted or voided, FORBIDDEN when expired. */
    public void post(String withdrawalId) {
        WithdrawalRecord withdrawal = withdrawal(withdrawalId);
        check(ledger.createTransfer(Transfer.post(Ids.random(), withdrawal.id(), 0)).join(), withdrawal);
    }

    /** Cancels a pending withdrawal, giving the amount back: CONFLICT when already posted or voided. */
    public void voidWithdrawal(String withdrawalId) {
        WithdrawalRecord withdrawal = withdrawal(withdrawalId);
        check(ledger.createTransfer(Transfer.voidPending(Ids.random(), withdrawal.id())).join(), withdrawal);
    }

    private void withdraw(WithdrawalRecord withdrawal, UUID liquidityAccountId, AssetRecord asset) {
        Inputs.positiveAmount("amount", withdrawal.amount());
        int code = TransferKind.WITHDRAWAL.code();
        OptionalLong timeout = withdrawal.timeoutSeconds();
        // No timeout: pending until posted or voided (a ledger timeout of 0 never expires); 0: posted at once.
        Transfer transfer = timeout.isPresent() && timeout.getAsLong() == 0
                ? Transfer.posted(withdrawal.id(), liquidityAccountId, asset.settlementAccountId(),
                        withdrawal.amount(), asset.ledger(), code)
                : Transfer.pending(withdrawal.id(), liquidityAccountId, asset.settlementAccountId(),
                        withdrawal.amount(), asset.ledger(), code, timeout.orElse(0));
        if (store.withdrawal(withdrawal.id()).isPresent()) {
            throw reused(withdrawal.id());
        }
        check(ledger.createTransfer(transfer).join(), withdrawal.id());
        store.insertWithdrawal(withdrawal);
    }

    private WithdrawalRecord withdrawal(String withdrawalId) {
        UUID id = Inputs.uuid("withdrawalId", withdrawalId);
        return store.withdrawal(id).orElseThrow(() -> new PeeringException(PeeringError.NOT_FOUND,
                "there is no liquidity withdrawal with id " + id));
    }

    private static void check(CreateTransferResult result, UUID transferId) {
        switch (result) {
            case OK -> {
            }
            case EXCEEDS_CREDITS -> throw new PeeringException(PeeringError.FORBIDDEN,
                    "insufficient liquidity: the account holds less than the amount");
            case OVERFLOWS_CREDITS, OVERFLOWS_CREDITS_POSTED, OVERFLOWS_DEBITS, OVERFLOWS_DEBITS_POSTED,
                 OVERFLOWS_DEBITS_PENDING, OVERFLOWS_CREDITS_PENDING -> throw Inputs.bad(
                    "amount would take the account beyond 2^64-1");
            default -> {
                if (result.name().startsWith("EXISTS")) {
                    throw reused(transferId);
                }
                throw new IllegalStateException("the ledger refused transfer " + transferId + ": " + result);
            }
        }
    }

    private static void check(CreateTransferResult result, WithdrawalRecord withdrawal) {
        UUID id = withdrawal.id();
        switch (result) {
            case OK -> {
            }
            case PENDING_TRANSFER_ALREADY_POSTED -> throw new PeeringException(PeeringError.CONFLICT,
                    "withdrawal " + id + " is already posted");
            case PENDING_TRANSFER_ALREADY_VOIDED -> throw new PeeringException(PeeringError.CONFLICT,
                    "withdrawal " + id + " is already voided");
            case PENDING_TRANSFER_EXPIRED -> throw new PeeringException(PeeringError.FORBIDDEN,
                    "withdrawal " + id + " has expired (its timeout passed) and was voided");
            case PENDING_TRANSFER_NOT_PENDING -> throw new PeeringException(PeeringError.CONFLICT,
                    "withdrawal " + id + " was posted at once (timeoutSeconds 0)");
            case PENDING_TRANSFER_NOT_FOUND -> throw new PeeringException(PeeringError.NOT_FOUND,
                    "there is no liquidity withdrawal with id " + id + " in the ledger");
            default -> throw new IllegalStateException("the ledger refused to settle withdrawal " + id + ": " + result);
        }
    }

    private static PeeringException reused(UUID transferId) {
        return new PeeringException(PeeringError.DUPLICATE, "transfer id " + transferId + " has been used already");
    }
}
