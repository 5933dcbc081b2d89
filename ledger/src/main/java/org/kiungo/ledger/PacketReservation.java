package org.kiungo.ledger;

import java.util.List;
import java.util.UUID;

/**
 * What a packet reserves while it is in flight: one leg when both peers share an asset, two linked legs through
 * the node's asset liquidity accounts when they do not. The legs' pending ids are fixed when the reservation is
 * made, so posting or voiding it later names exactly those transfers.
 */
public record PacketReservation(List<PacketLeg> legs) {
    public PacketReservation {
        legs = List.copyOf(legs);
        if (legs.isEmpty()) throw new IllegalArgumentException("a reservation has at least one leg");
    }

    /** A packet from {@code incomingPeer} to {@code outgoingPeer} in one asset. */
    public static PacketReservation sameAsset(UUID incomingPeer, UUID outgoingPeer, int ledger, long amount) {
        return new PacketReservation(List.of(new PacketLeg(Ids.random(), incomingPeer, outgoingPeer, ledger, amount)));
    }

    /**
     * A packet that arrives in one asset and leaves in another: the incoming peer pays the node's liquidity in the
     * source asset, and the node's liquidity in the destination asset pays the outgoing peer.
     */
    public static PacketReservation crossAsset(UUID incomingPeer, UUID sourceAssetLiquidity, int sourceLedger,
                                               long sourceAmount, UUID destinationAssetLiquidity,
                                               UUID outgoingPeer, int destinationLedger, long destinationAmount) {
        return new PacketReservation(List.of(
                new PacketLeg(Ids.random(), incomingPeer, sourceAssetLiquidity, sourceLedger, sourceAmount),
                new PacketLeg(Ids.random(), destinationAssetLiquidity, outgoingPeer, destinationLedger,
                        destinationAmount)));
    }
}
