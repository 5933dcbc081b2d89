package org.kiungo.peering;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.kiungo.connector.HttpLink;

/**
 * What {@link Peers#update} changes: every empty field keeps its value. The endpoint and outgoing token come
 * together, as in the API's {@code http.outgoing}; present incoming tokens replace all the old ones.
 * The HTTP mode and HTTP/2 choice may change on their own. {@link #toString()} leaves the tokens out.
 */
public record UpdatePeer(String id, Optional<String> name, Optional<String> staticIlpAddress,
                         Optional<String> endpoint, Optional<String> outgoingToken,
                         Optional<List<String>> incomingTokens, OptionalLong maxPacketAmount,
                         OptionalLong liquidityThreshold, Optional<List<String>> routes,
                         OptionalLong liquidityHighThreshold, Optional<HttpLink.Mode> httpMode,
                         Optional<Boolean> http2) {
    public UpdatePeer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staticIlpAddress, "staticIlpAddress");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outgoingToken, "outgoingToken");
        Objects.requireNonNull(incomingTokens, "incomingTokens");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(liquidityHighThreshold, "liquidityHighThreshold");
        Objects.requireNonNull(httpMode, "httpMode");
        Objects.requireNonNull(http2, "http2");
    }

    /** A change that keeps how the node speaks HTTP to the peer. */
    public UpdatePeer(String id, Optional<String> name, Optional<String> staticIlpAddress, Optional<String> endpoint,
                      Optional<String> outgoingToken, Optional<List<String>> incomingTokens,
                      OptionalLong maxPacketAmount, OptionalLong liquidityThreshold, Optional<List<String>> routes,
                      OptionalLong liquidityHighThreshold) {
        this(id, name, staticIlpAddress, endpoint, outgoingToken, incomingTokens, maxPacketAmount,
                liquidityThreshold, routes, liquidityHighThreshold, Optional.empty(), Optional.empty());
    }

    /** A change that keeps the upper liquidity threshold and how the node speaks HTTP to the peer. */
    public UpdatePeer(String id, Optional<String> name, Optional<String> staticIlpAddress, Optional<String> endpoint,
                      Optional<String> outgoingToken, Optional<List<String>> incomingTokens,
                      OptionalLong maxPacketAmount, OptionalLong liquidityThreshold, Optional<List<String>> routes) {
        this(id, name, staticIlpAddress, endpoint, outgoingToken, incomingTokens, maxPacketAmount,
                liquidityThreshold, routes, OptionalLong.empty());
    }

    @Override
    public String toString() {
        return "UpdatePeer[id=" + id + ", tokens=(secret)]";
    }
}
