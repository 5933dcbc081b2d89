package org.kiungo.peering;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.kiungo.connector.HttpLink;

/**
 * What {@link Peers#create} needs, as the admin API's {@code CreatePeerInput} carries it. Tokens are secrets:
 * {@link #toString()} leaves them out.
 *
 * @param incomingTokens the tokens the peer presents to us; only their hashes are kept
 * @param initialLiquidity the peer's first credit line, deposited as the peer is created
 * @param liquidityHighThreshold the optional upper threshold of the peer's liquidity
 * @param httpMode how the peer returns replies to our Prepares: in the response, or by callback (RFC 35)
 * @param http2 whether the peer speaks HTTP/2 by prior knowledge (h2c) instead of HTTP/1.1
 */
public record CreatePeer(String assetId, String staticIlpAddress, Optional<String> name, String endpoint,
                         String outgoingToken, List<String> incomingTokens, OptionalLong maxPacketAmount,
                         OptionalLong liquidityThreshold, OptionalLong initialLiquidity, List<String> routes,
                         OptionalLong liquidityHighThreshold, HttpLink.Mode httpMode, boolean http2) {
    public CreatePeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(initialLiquidity, "initialLiquidity");
        Objects.requireNonNull(liquidityHighThreshold, "liquidityHighThreshold");
        Objects.requireNonNull(httpMode, "httpMode");
        incomingTokens = List.copyOf(incomingTokens);
        routes = List.copyOf(routes);
    }

    /** A peer reached by synchronous HTTP/1.1, what every ILP-over-HTTP peer speaks. */
    public CreatePeer(String assetId, String staticIlpAddress, Optional<String> name, String endpoint,
                      String outgoingToken, List<String> incomingTokens, OptionalLong maxPacketAmount,
                      OptionalLong liquidityThreshold, OptionalLong initialLiquidity, List<String> routes,
                      OptionalLong liquidityHighThreshold) {
        this(assetId, staticIlpAddress, name, endpoint, outgoingToken, incomingTokens, maxPacketAmount,
                liquidityThreshold, initialLiquidity, routes, liquidityHighThreshold, HttpLink.Mode.SYNCHRONOUS,
                false);
    }

    /** A peer reached by synchronous HTTP/1.1, without an upper liquidity threshold. */
    public CreatePeer(String assetId, String staticIlpAddress, Optional<String> name, String endpoint,
                      String outgoingToken, List<String> incomingTokens, OptionalLong maxPacketAmount,
                      OptionalLong liquidityThreshold, OptionalLong initialLiquidity, List<String> routes) {
        this(assetId, staticIlpAddress, name, endpoint, outgoingToken, incomingTokens, maxPacketAmount,
                liquidityThreshold, initialLiquidity, routes, OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "CreatePeer[assetId=" + assetId + ", staticIlpAddress=" + staticIlpAddress + ", incomingTokens="
                + incomingTokens.size() + " (secret), outgoingToken=(secret), httpMode=" + httpMode + ", http2=" + http2
                + "]";
    }
}
