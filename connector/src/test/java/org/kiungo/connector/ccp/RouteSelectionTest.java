package org.kiungo.connector.ccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.ccp.IncomingRoutesTest.route;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.IlpAddress;

class RouteSelectionTest {
    private static final IlpAddress X = IlpAddress.of("test.x");

    private static RouteCandidate learned(String peer, String... path) {
        return new RouteCandidate(peer, route("test.x", path), false);
    }

    @Test
    void shouldPreferTheShortestPathEvenWhenALongerOneIsCheaper() {
        RouteCandidate shortExpensive = learned("p", "test.p");
        RouteCandidate longCheap = learned("q", "test.q", "test.r");
        RouteCost cost = candidate -> candidate.nextHop().equals("p") ? 100 : 1;

        Map<IlpAddress, RouteCandidate> best = new RouteSelection(cost).best(List.of(longCheap, shortExpensive));

        assertThat(best.get(X)).isEqualTo(shortExpensive);
    }

    @Test
    void shouldPreferTheCheapestAmongTheShortestPaths() {
        RouteCandidate expensive = learned("a", "test.a");
        RouteCandidate cheap = learned("b", "test.b");
        RouteCost cost = candidate -> candidate.nextHop().equals("a") ? 100 : 1;

        assertThat(new RouteSelection(cost).best(List.of(expensive, cheap)).get(X)).isEqualTo(cheap);
    }

    @Test
    void shouldBreakTiesByLocalFirstThenBySmallerPeerIdWhatEverTheOrderOfArrival() {
        RouteCandidate b = learned("b", "test.b");
        RouteCandidate a = learned("a", "test.a");
        RouteSelection selection = new RouteSelection(RouteCost.UNKNOWN);

        assertThat(selection.best(List.of(b, a)).get(X)).isEqualTo(a);
        assertThat(selection.best(List.of(a, b)).get(X)).isEqualTo(a);

        RouteCandidate configured = new RouteCandidate("z", route("test.x"), true);
        RouteCandidate learnedWithEmptyPath = new RouteCandidate("c", route("test.x"), false);
        assertThat(selection.best(List.of(learnedWithEmptyPath, a, configured)).get(X)).isEqualTo(configured);
    }
}
