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
 *
 * <p>A post that fails for a passing reason (the ledger busy, its storage failing) does not stop the Fulfill: the
 * next hop has been paid, and the Fulfill is how the node collects from the sender, so it goes upstream while
 * {@link PostRetries} keeps posting. A post the ledger refuses outright (the reservation expired, so the Fulfill
 * came too late) turns the Fulfill into T00, as the sender's packet has expired too.
 */
public final class ReserveStep implements OutgoingStep {
    private static final Logger LOG = LoggerFactory.getLogger(ReserveStep.class);

    private final IlpAddress ourAddress;
    private final PacketTransfers transfers;
    private final AssetDirectory assets;
    private final Clock clock;
    private final PostRetries postRetries;

    public ReserveStep(IlpAddress ourAddress, PacketTransfers transfers, AssetDirectory assets, Clock clock) {
        this.ourAddress = Objects.requireNonNull(ourAddress, "ourAddress");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.assets = Objects.requireNonNull(assets, "assets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.postRetries = new PostRetries(transfers);
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
            voidPending(reservation.get());
            throw e;
        }
        if (reply instanceof Fulfill) {
            return post(reservation.get(), reply);
        }
        voidPending(reservation.get());
        return reply;
    }

    private Reply post(PacketReservation reservation, Reply fulfill) {
        CreateTransferResult posted = postRetries.post(reservation);
        if (posted == null) {
            LOG.warn("post of fulfilled packet reservation {} failed for now; the Fulfill goes upstream and the post"
                    + " is retried", PacketTransfers.pendingIds(reservation).get(0));
            postRetries.retry(reservation);
            return fulfill;
        }
        if (!PostRetries.isPosted(posted)) {
            LOG.error("could not post packet reservation {}: {}", PacketTransfers.pendingIds(reservation).get(0),
                    posted);
            return reject(ErrorCode.T00_INTERNAL_ERROR, "the payment could not be recorded");
        }
        return fulfill;
    }

    /** Waits, for at most {@code timeoutMs}, until every post being retried has its answer; true when all have. */
    boolean awaitPostRetries(long timeoutMs) throws InterruptedException {
        return postRetries.awaitIdle(timeoutMs);
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

    /** Voids; a failed void needs no action, as the reservation expires to void, so the reply passes on intact. */
    private void voidPending(PacketReservation reservation) {
        CreateTransferResult result;
        try {
            result = await(transfers.voidPending(reservation));
        } catch (RuntimeException e) {
            result = null;
        }
        if (result != CreateTransferResult.OK) {
            LOG.error("could not void packet reservation {}: {}", PacketTransfers.pendingIds(reservation).get(0),
                    result == null ? "ledger busy or failing" : result);
        }
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
