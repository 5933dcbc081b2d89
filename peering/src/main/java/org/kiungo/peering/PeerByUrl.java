package org.kiungo.peering;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code createOrUpdatePeerByUrl} needs: the other node's auto-peering URL, our asset, and the settings of
 * the peer we make (a name of our choosing, else the one the other node gives).
 *
 * @param liquidityToDeposit the credit line we give the peer, deposited after it is created or updated
 */
public record PeerByUrl(String peerUrl, String assetId, Optional<String> name, OptionalLong maxPacketAmount,
                        OptionalLong liquidityThreshold, OptionalLong liquidityToDeposit) {
    public PeerByUrl {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(liquidityToDeposit, "liquidityToDeposit");
    }
}
