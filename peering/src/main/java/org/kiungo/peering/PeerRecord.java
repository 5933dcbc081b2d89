package org.kiungo.peering;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.HttpLink;
import org.kiungo.connector.Peer;
import org.kiungo.connector.RateLimit;

/**
 * A peer as the store keeps it. The outgoing token is kept as given, since we must present it to the peer; the
 * incoming tokens are not here at all, only their hashes in the store. {@link #toString()} hides the token.
 *
 * @param name     the operator's name for the peer, or empty
 * @param endpoint the peer's ILP-over-HTTP URL, absolute http or https
 * @param liquidityHighThreshold at or above it the node raises {@code peer.liquidity_high}, as at or below
 *                               {@code liquidityThreshold} it raises {@code peer.liquidity_low}
 * @param httpMode whether the peer answers our Prepares in the HTTP response or by callback (RFC 35)
 * @param http2    whether we speak HTTP/2 to the peer by prior knowledge (h2c) rather than HTTP/1.1
 */
public record PeerRecord(String id, Optional<String> name, IlpAddress staticIlpAddress, UUID assetId,
                         OptionalLong maxPacketAmount, OptionalLong liquidityThreshold, URI endpoint,
                         String outgoingToken, List<IlpAddress> routes, UUID liquidityAccountId, Instant createdAt,
                         OptionalLong liquidityHighThreshold, HttpLink.Mode httpMode, boolean http2) {
    public PeerRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staticIlpAddress, "staticIlpAddress");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(liquidityThreshold, "liquidityThreshold");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(outgoingToken, "outgoingToken");
        Objects.requireNonNull(liquidityAccountId, "liquidityAccountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(liquidityHighThreshold, "liquidityHighThreshold");
        Objects.requireNonNull(httpMode, "httpMode");
        routes = List.copyOf(routes);
    }

    /** The connector's view of this peer in {@code asset}. */
    public Peer toPeer(AssetRecord asset) {
        return new Peer(id, name.orElse(""), staticIlpAddress, asset.accounts().asset(), maxPacketAmount,
                Optional.of(new HttpLink(endpoint, outgoingToken, http2, httpMode)), routes, RateLimit.UNLIMITED,
                liquidityAccountId);
    }

    @Override
    public String toString() {
        return "PeerRecord[id=" + id + ", staticIlpAddress=" + staticIlpAddress + ", assetId=" + assetId
                + ", endpoint=" + endpoint.getScheme() + "://" + endpoint.getHost()
                + ", outgoingToken=(secret), httpMode=" + httpMode + ", http2=" + http2 + "]";
    }
}
