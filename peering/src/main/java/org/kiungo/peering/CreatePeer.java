package org.kiungo.peering;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link Peers#create} needs, as the admin API's {@code CreatePeerInput} carries it. Tokens are secrets:
 * {@link #toString()} leaves them out.
 *
 * @param incomingTokens the tokens the peer presents to us; only their hashes are kept
 * @param initialLiquidity the peer's first credit line, deposited as the peer is created
 * @param liquidityHighThreshold the optional upper threshold of the peer's liquidity
 */
public record CreatePeer(String assetId, String staticIlpAddress, Optional<String> name, String endpoint,
                         String outgoingToken, List<String> incomingTokens, OptionalLong maxPacketAmount,
                         OptionalLong liquidityThreshold, OptionalLong initialLiquidity, List<String> routes,
                         OptionalLong liquidityHighThreshold) {
    public CreatePeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(initialLiquidity, "initialLiquidity");
        Objects.requireNonNull(liquidityHighThreshold, "liquidityHighThreshold");
        incomingTokens = List.copyOf(incomingTokens);
        routes = List.copyOf(routes);
    }

    /** A peer without an upper liquidity threshold. */
    public CreatePeer(String assetId, String staticIlpAddress, Optional<String> name, String endpoint,
                      String outgoingToken, List<String> incomingTokens, OptionalLong maxPacketAmount,
                      OptionalLong liquidityThreshold, OptionalLong initialLiquidity, List<String> routes) {
        this(assetId, staticIlpAddress, name, endpoint, outgoingToken, incomingTokens, maxPacketAmount,
                liquidityThreshold, initialLiquidity, routes, OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "CreatePeer[assetId=" + assetId + ", staticIlpAddress=" + staticIlpAddress + ", incomingTokens="
                + incomingTokens.size() + " (secret), outgoingToken=(secret)]";
    }
}
