package org.kiungo.peering;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code peerByWebFinger} needs: the other node's host name (agreed out of band, with the asset), our asset,
 * and the settings of the peer we make.
 *
 * @param hostname         {@code host} or {@code host:port}, looked up over https; or an {@code http://} or
 *                         {@code https://} origin, to choose the scheme (plain http is for local networks and tests)
 * @param initialLiquidity the credit line we give the peer when it is created
 */
public record PeerByWebFinger(String hostname, String assetId, Optional<String> name, OptionalLong maxPacketAmount,
                              OptionalLong liquidityThreshold, OptionalLong initialLiquidity) {
    public PeerByWebFinger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(initialLiquidity, "initialLiquidity");
    }
}
