package org.kiungo.connector.ccp;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * Chooses one route per prefix, as seed 003 asks: the shortest path first, then the cheapest. Ties break
 * deterministically: a local (configured) route before a learned one, so what an operator configures wins as in
 * the reference connector; then the lower {@link RouteCost}; then the smaller peer id, so the choice never depends
 * on the order routes arrived in.
 */
public final class RouteSelection {
    /** The most prefixes a selection holds; learned prefixes beyond it are dropped, local ones never. */
    public static final int PREFIXES_MAX = 50_000;

    private final Comparator<RouteCandidate> order;

    public RouteSelection(RouteCost cost) {
        Objects.requireNonNull(cost, "cost");
        this.order = Comparator.<RouteCandidate>comparingInt(candidate -> candidate.route().path().size())
                .thenComparing(candidate -> !candidate.local())
                .thenComparingLong(cost::cost)
                .thenComparing(RouteCandidate::nextHop);
    }

    /** The best candidate for each prefix among {@code candidates}. */
    public Map<IlpAddress, RouteCandidate> best(Collection<RouteCandidate> candidates) {
        Map<IlpAddress, RouteCandidate> best = new HashMap<>();
        for (RouteCandidate candidate : candidates) {
            IlpAddress prefix = candidate.route().prefix();
            RouteCandidate current = best.get(prefix);
            if (current == null && best.size() >= PREFIXES_MAX && !candidate.local()) {
                continue;
            }
            if (current == null || order.compare(candidate, current) < 0) {
                best.put(prefix, candidate);
            }
        }
        return best;
    }
}
