package org.kiungo.connector.ccp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.connector.ccp.IncomingRoutes.Outcome;

class IncomingRoutesTest {
    private static final IlpAddress US = IlpAddress.of("test.us");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final UUID TABLE = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private final IncomingRoutes routes = new IncomingRoutes(US);

    static Route route(String prefix, String... path) {
        return new Route(IlpAddress.of(prefix), Arrays.stream(path).map(IlpAddress::of).toList(), new byte[32],
                List.of());
    }

    private static RouteUpdateRequest update(UUID table, long from, long to, List<Route> routes,
                                             String... withdrawn) {
        return new RouteUpdateRequest(table, to, from, to, 45_000, IlpAddress.of("test.peer"), routes,
                Arrays.stream(withdrawn).map(IlpAddress::of).toList());
    }

    private List<String> prefixes() {
        return routes.routes().stream().map(route -> route.prefix().value()).sorted().toList();
    }

    @Test
    void shouldApplyNewRoutesThenWithdrawalsAndFollowTheEpochs() {
        assertThat(routes.apply(update(TABLE, 0, 2, List.of(route("test.peer", "test.peer"),
                route("test.x", "test.peer"))), NOW)).isEqualTo(Outcome.APPLIED);
        assertThat(routes.apply(update(TABLE, 2, 3, List.of(), "test.x"), NOW)).isEqualTo(Outcome.APPLIED);

        assertThat(prefixes()).containsExactly("test.peer");
        assertThat(routes.tableId()).isEqualTo(TABLE);
        assertThat(routes.epoch()).isEqualTo(3);
    }

    @Test
    void shouldReportAGapAndKeepWhatItHadWhenAnUpdateDoesNotContinueFromOurEpoch() {
        routes.apply(update(TABLE, 0, 2, List.of(route("test.x", "test.peer"))), NOW);

        assertThat(routes.apply(update(TABLE, 5, 7, List.of(route("test.y", "test.peer"))), NOW))
                .isEqualTo(Outcome.GAP);

        assertThat(prefixes()).containsExactly("test.x");
        assertThat(routes.epoch()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreAnOldUpdate() {
        routes.apply(update(TABLE, 0, 4, List.of(route("test.x", "test.peer"))), NOW);

        assertThat(routes.apply(update(TABLE, 1, 3, List.of(), "test.x"), NOW)).isEqualTo(Outcome.STALE);

        assertThat(prefixes()).containsExactly("test.x");
    }

    @Test
    void shouldStartAgainFromEpochZeroWhenThePeerHasANewRoutingTable() {
        routes.apply(update(TABLE, 0, 4, List.of(route("test.x", "test.peer"))), NOW);
        UUID restarted = UUID.randomUUID();

        assertThat(routes.apply(update(restarted, 0, 1, List.of(route("test.y", "test.peer"))), NOW))
                .isEqualTo(Outcome.APPLIED);

        assertThat(prefixes()).containsExactly("test.y");
        assertThat(routes.tableId()).isEqualTo(restarted);
        assertThat(routes.epoch()).isEqualTo(1);
    }

    @Test
    void shouldDropRoutesThroughUsForUsOrOutsideOurScheme() {
        routes.apply(update(TABLE, 0, 1, List.of(
                route("test.loop", "test.peer", "test.us", "test.z"),
                route("test.us", "test.peer"),
                route("test.us.child", "test.peer"),
                route("g.elsewhere", "test.peer"),
                route("test.fine", "test.peer", "test.usa"))), NOW);

        assertThat(prefixes()).containsExactly("test.fine");
    }

    @Test
    void shouldForgetEverythingOnlyAfterTheHoldDownTimeWithoutAnUpdate() {
        routes.apply(update(TABLE, 0, 1, List.of(route("test.x", "test.peer"))), NOW);
        // A heartbeat 30 s later holds the routes for another 45 s.
        routes.apply(update(TABLE, 1, 1, List.of()), NOW.plusSeconds(30));

        assertThat(routes.expire(NOW.plusSeconds(75))).isFalse();
        assertThat(prefixes()).containsExactly("test.x");
        assertThat(routes.expire(NOW.plusSeconds(75).plusMillis(1))).isTrue();
        assertThat(prefixes()).isEmpty();
        assertThat(routes.tableId()).isEqualTo(IncomingRoutes.NO_TABLE);
        assertThat(routes.epoch()).isZero();
        assertThat(routes.expire(NOW.plusSeconds(200))).isFalse();
    }
}
