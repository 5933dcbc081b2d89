package org.kiungo.connector;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * An immutable map from address prefixes to the peer that reaches them, searched by longest prefix on segment
 * boundaries. A lookup is one hash probe per segment of the destination, and no lock: the {@link Router} swaps in
 * a new table when routes change.
 */
public final class RoutingTable {
    /** Most prefixes in one table, configured and learned together. */
    public static final int ENTRIES_MAX = 100_000;
    public static final RoutingTable EMPTY = new RoutingTable(Map.of());

    private final Map<String, String> nextHops;

    private RoutingTable(Map<String, String> nextHops) {
        this.nextHops = nextHops;
    }

    /**
     * The table for {@code peers}' static addresses and configured routes, then {@code learned} routes (prefix to
     * peer id) for prefixes no peer configures: what an operator configures wins over what CCP learns. Two peers
     * configuring one prefix resolve to the smaller id, so the choice does not depend on iteration order.
     */
    public static RoutingTable of(Collection<Peer> peers, Map<IlpAddress, String> learned) {
        Map<String, String> nextHops = new HashMap<>();
        for (Peer peer : peers) {
            put(nextHops, peer.staticIlpAddress(), peer.id());
            peer.routes().forEach(prefix -> put(nextHops, prefix, peer.id()));
        }
        learned.forEach((prefix, peerId) -> nextHops.putIfAbsent(prefix.value(), peerId));
        if (nextHops.size() > ENTRIES_MAX) {
            throw new IllegalArgumentException("a routing table holds at most " + ENTRIES_MAX + " prefixes");
        }
        return new RoutingTable(Map.copyOf(nextHops));
    }

    private static void put(Map<String, String> nextHops, IlpAddress prefix, String peerId) {
        nextHops.merge(prefix.value(), peerId, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /** The id of the peer for the longest prefix of {@code destination}, or empty when none matches. */
    public Optional<String> nextHop(IlpAddress destination) {
        String prefix = destination.value();
        while (true) {
            String peerId = nextHops.get(prefix);
            if (peerId != null) {
                return Optional.of(peerId);
            }
            int dot = prefix.lastIndexOf('.');
            // The scheme alone ("g", "test") is not an address, so the search ends at the first segment.
            if (dot <= 0 || prefix.indexOf('.') == dot) {
                return Optional.empty();
            }
            prefix = prefix.substring(0, dot);
        }
    }

    public int size() {
        return nextHops.size();
    }
}
