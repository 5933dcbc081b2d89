package org.kiungo.connector.ccp;

/**
 * What sending along a route costs us, for choosing the cheapest among the shortest routes (seed 003). The seam for
 * liquidity curves: until routes carry curves and rates are compared through them, {@link #UNKNOWN} prices every
 * route the same and the choice falls to the tie-breaks of {@link RouteSelection}.
 */
@FunctionalInterface
public interface RouteCost {
    /** Every route costs the same: we know no curves yet. */
    RouteCost UNKNOWN = candidate -> 0;

    /** A cost in any unit the implementation chooses, consistently; lower is cheaper. */
    long cost(RouteCandidate candidate);
}
