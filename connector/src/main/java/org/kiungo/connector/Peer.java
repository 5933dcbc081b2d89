package org.kiungo.connector;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * A node we exchange packets with, as the peering guide describes it: its static ILP address, the asset of the
 * relationship, the most it may send in one packet, how we reach it, the extra prefixes it is a route to, how
 * fast it may send, and its liquidity account (its credit line for packets it sends us).
 *
 * @param id               stable identifier, also the default child segment of an IL-DCP answer
 * @param maxPacketAmount  the largest packet (unsigned 64-bit) we accept from the peer, or empty for any size
 * @param link             how packets reach the peer; empty when only an in-process receiver serves it
 * @param routes           prefixes reached through the peer besides its static ILP address
 * @param sendRoutes       whether we send the peer our routes by CCP when it asks (the reference connector's
 *                         {@code sendRoutes}; on by default, as there for every peer that is not a child)
 * @param receiveRoutes    whether we ask the peer for its routes by CCP and accept them ({@code receiveRoutes})
 */
public record Peer(String id, String name, IlpAddress staticIlpAddress, Asset asset, OptionalLong maxPacketAmount,
                   Optional<HttpLink> link, List<IlpAddress> routes, RateLimit rateLimit, UUID liquidityAccountId,
                   boolean sendRoutes, boolean receiveRoutes) {
    public static final int ID_LENGTH_MAX = 64;
    public static final int NAME_LENGTH_MAX = 200;
    public static final int ROUTES_MAX = 1_000;
    /** Ids are ILP address segments, so an IL-DCP answer can name the child after its peer id. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_~-]{1," + ID_LENGTH_MAX + "}");

    public Peer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(staticIlpAddress, "staticIlpAddress");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(maxPacketAmount, "maxPacketAmount");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(liquidityAccountId, "liquidityAccountId");
        routes = List.copyOf(routes);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a peer id has 1 to " + ID_LENGTH_MAX
                    + " letters, digits, '_', '~' or '-'");
        }
        if (name.length() > NAME_LENGTH_MAX || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a peer name has at most " + NAME_LENGTH_MAX
                    + " characters and no control characters");
        }
        if (routes.size() > ROUTES_MAX) {
            throw new IllegalArgumentException("a peer has at most " + ROUTES_MAX + " configured routes");
        }
    }

    /** A peer that exchanges routes both ways by CCP, the default. */
    public Peer(String id, String name, IlpAddress staticIlpAddress, Asset asset, OptionalLong maxPacketAmount,
                Optional<HttpLink> link, List<IlpAddress> routes, RateLimit rateLimit, UUID liquidityAccountId) {
        this(id, name, staticIlpAddress, asset, maxPacketAmount, link, routes, rateLimit, liquidityAccountId, true,
                true);
    }

    /** A peer reached over HTTP/1.1 with no packet size limit, no extra routes and no rate limit. */
    public static Peer of(String id, IlpAddress staticIlpAddress, Asset asset, HttpLink link,
                          UUID liquidityAccountId) {
        return new Peer(id, id, staticIlpAddress, asset, OptionalLong.empty(), Optional.ofNullable(link), List.of(),
                RateLimit.UNLIMITED, liquidityAccountId);
    }

    public Peer withMaxPacketAmount(long newMaxPacketAmount) {
        return new Peer(id, name, staticIlpAddress, asset, OptionalLong.of(newMaxPacketAmount), link, routes,
                rateLimit, liquidityAccountId, sendRoutes, receiveRoutes);
    }

    public Peer withRoutes(List<IlpAddress> newRoutes) {
        return new Peer(id, name, staticIlpAddress, asset, maxPacketAmount, link, newRoutes, rateLimit,
                liquidityAccountId, sendRoutes, receiveRoutes);
    }

    public Peer withRateLimit(RateLimit newRateLimit) {
        return new Peer(id, name, staticIlpAddress, asset, maxPacketAmount, link, routes, newRateLimit,
                liquidityAccountId, sendRoutes, receiveRoutes);
    }

    public Peer withLink(Optional<HttpLink> newLink) {
        return new Peer(id, name, staticIlpAddress, asset, maxPacketAmount, newLink, routes, rateLimit,
                liquidityAccountId, sendRoutes, receiveRoutes);
    }

    /** The same peer with CCP route exchange switched on or off in each direction. */
    public Peer withRouteExchange(boolean newSendRoutes, boolean newReceiveRoutes) {
        return new Peer(id, name, staticIlpAddress, asset, maxPacketAmount, link, routes, rateLimit,
                liquidityAccountId, newSendRoutes, newReceiveRoutes);
    }
}
