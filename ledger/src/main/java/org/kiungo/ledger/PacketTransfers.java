package org.kiungo.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The ledger calls of the packet path: reserve on Prepare, post on Fulfill, void on Reject or expiry. The legs of
 * a reservation are linked, so a cross-asset packet reserves both or neither; each call answers one result, the
 * one that explains a failure ({@code EXCEEDS_CREDITS} means insufficient liquidity: T04).
 */
public final class PacketTransfers {
    private final Ledger ledger;

    public PacketTransfers(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Reserves every leg for at most {@code timeoutSeconds}, after which the reservation expires to void. */
    public CompletableFuture<CreateTransferResult> reserve(PacketReservation reservation, long timeoutSeconds) {
        return submit(reservation, leg -> Transfer.pending(leg.pendingId(), leg.debitAccountId(),
                leg.creditAccountId(), leg.amount(), leg.ledger(), TransferKind.PACKET.code(), timeoutSeconds), true);
    }

    /** Posts every leg in full: the packet was fulfilled. */
    public CompletableFuture<CreateTransferResult> post(PacketReservation reservation) {
        return submit(reservation, leg -> Transfer.post(Ids.random(), leg.pendingId(), 0), false);
    }

    /** Voids every leg: the packet was rejected or timed out. */
    public CompletableFuture<CreateTransferResult> voidPending(PacketReservation reservation) {
        return submit(reservation, leg -> Transfer.voidPending(Ids.random(), leg.pendingId()), true);
    }

    private CompletableFuture<CreateTransferResult> submit(PacketReservation reservation,
                                                           Function<PacketLeg, Transfer> transferOf,
                                                           boolean beforeDurable) {
        List<PacketLeg> legs = reservation.legs();
        List<Transfer> transfers = new ArrayList<>(legs.size());
        for (int i = 0; i < legs.size(); i++) {
            Transfer transfer = transferOf.apply(legs.get(i));
            transfers.add(i < legs.size() - 1 ? transfer.linked() : transfer);
        }
        return (beforeDurable ? ledger.createReservations(transfers) : ledger.createTransfers(transfers))
                .thenApply(PacketTransfers::cause);
    }

    /** OK when every leg is; otherwise the result of the leg that failed, not its chain's LINKED_EVENT_FAILED. */
    static CreateTransferResult cause(List<CreateTransferResult> results) {
        CreateTransferResult cause = CreateTransferResult.OK;
        for (CreateTransferResult result : results) {
            if (result != CreateTransferResult.OK && result != CreateTransferResult.LINKED_EVENT_FAILED) return result;
            if (result == CreateTransferResult.LINKED_EVENT_FAILED) cause = result;
        }
        return cause;
    }

    /** The pending ids of a reservation, e.g. to look up its state. */
    public static List<UUID> pendingIds(PacketReservation reservation) {
        return reservation.legs().stream().map(PacketLeg::pendingId).toList();
    }
}
