package org.kiungo.connector.ccp;

import java.util.Objects;
import org.kiungo.codec.ccp.Route;

/**
 * One way to reach {@code route.prefix()}: through the peer {@code nextHop} (empty for this node itself) along
 * {@code route.path()}. {@code local} routes come from this node's own configuration (its address, its peers'
 * static addresses and configured routes); the others were learned by CCP.
 */
public record RouteCandidate(String nextHop, Route route, boolean local) {
    /** The next hop of the route to this node's own address. */
    public static final String OURSELVES = "";

    public RouteCandidate {
        Objects.requireNonNull(nextHop, "nextHop");
        Objects.requireNonNull(route, "route");
    }
}
