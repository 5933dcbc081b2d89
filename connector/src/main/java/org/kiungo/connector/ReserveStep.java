package org.kiungo.connector;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.PacketReservation;
import org.kiungo.ledger.PacketTransfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the packet's money in the ledger while it is in flight: reserves before forwarding (T04 when the sending
 * peer's credit or our liquidity in the destination asset is short, T03 when the ledger refuses work), posts after
 * a Fulfill and only then lets the Fulfill go upstream, voids on anything else. Zero-amount packets (rate probes)
 * move nothing and pass without a transfer.
 */
public final class ReserveStep implements OutgoingStep {
    private static final Logger LOG = LoggerFactory.getLogger(ReserveStep.class);

    private final IlpAddress ourAddress;
    private final PacketTransfers transfers;
    private final AssetDirectory assets;
    private final Clock clock;

    public ReserveStep(IlpAddress ourAddress, PacketTransfers transfers, AssetDirectory assets, Clock clock) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Reply send(OutgoingRequest request, OutgoingService next) {
        if (request.incoming().amount() == 0) {
            return next.send(request);
        }
        Optional<PacketReservation> reservation = reservation(request);
        if (reservation.isEmpty()) {
            LOG.warn("T00: no asset accounts for a packet from peer {} to peer {}", request.from().id(),
                    request.to().id());
            return reject(ErrorCode.T00_INTERNAL_ERROR, "the node holds no liquidity for this asset pair");
        }
        CreateTransferResult reserved = await(transfers.reserve(reservation.get(), timeoutSeconds(request)));
        if (reserved == null) {
            return reject(ErrorCode.T03_CONNECTOR_BUSY, "the ledger is busy; retry later");
        }
        if (reserved == CreateTransferResult.EXCEEDS_CREDITS) {
            return reject(ErrorCode.T04_INSUFFICIENT_LIQUIDITY, "insufficient liquidity");
        }
        if (reserved != CreateTransferResult.OK) {
            LOG.error("T00: the ledger refused a packet reservation from peer {} to peer {}: {}",
                    request.from().id(), request.to().id(), reserved);
            return reject(ErrorCode.T00_INTERNAL_ERROR, "internal error");
        }
        Reply reply;
        try {
            reply = next.send(request);
        } catch (RuntimeException e) {
            settle(reservation.get(), false);
            throw e;
        }
        if (reply instanceof Fulfill && !settle(reservation.get(), true)) {
            return reject(ErrorCode.T00_INTERNAL_ERROR, "the payment could not be recorded");
        }
        if (reply instanceof Reject) {
            settle(reservation.get(), false);
        }
        return reply;
    }

    private Optional<PacketReservation> reservation(OutgoingRequest request) {
        Peer from = request.from();
        Peer to = request.to();
        if (from.asset().ledger() == to.asset().ledger()) {
            return Optional.of(PacketReservation.sameAsset(from.liquidityAccountId(), to.liquidityAccountId(),
                    from.asset().ledger(), request.incoming().amount()));
        }
        Optional<AssetAccounts> source = assets.asset(from.asset().ledger());
        Optional<AssetAccounts> destination = assets.asset(to.asset().ledger());
        if (source.isEmpty() || destination.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PacketReservation.crossAsset(from.liquidityAccountId(),
                source.get().liquidityAccountId(), from.asset().ledger(), request.incoming().amount(),
                destination.get().liquidityAccountId(), to.liquidityAccountId(), to.asset().ledger(),
                request.outgoing().amount()));
    }

    /** Posts or voids; true when it took effect durably. A failed void needs no action: the reservation expires. */
    private boolean settle(PacketReservation reservation, boolean post) {
        CreateTransferResult result = await(post ? transfers.post(reservation) : transfers.voidPending(reservation));
        if (result != CreateTransferResult.OK) {
            LOG.error("could not {} packet reservation {}: {}", post ? "post" : "void",
                    PacketTransfers.pendingIds(reservation).get(0), result == null ? "ledger busy" : result);
            return false;
        }
        return true;
    }

    /** The reservation outlives the incoming packet by at least a second, so it never expires before the post. */
    private long timeoutSeconds(OutgoingRequest request) {
        Duration left = Duration.between(clock.instant(), request.incoming().expiresAt());
        return Math.max(1, left.toSeconds() + 2);
    }

    /** The ledger's answer, or null when it refused the call because its queue is full. */
    private static CreateTransferResult await(CompletableFuture<CreateTransferResult> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RejectedExecutionException) {
                return null;
            }
            throw e;
        }
    }

    private Reject reject(ErrorCode code, String message) {
        return Reject.of(code, ourAddress, message);
    }
}
