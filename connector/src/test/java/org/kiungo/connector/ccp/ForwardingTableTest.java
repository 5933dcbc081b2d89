package org.kiungo.connector.ccp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.ccp.IncomingRoutesTest.route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.IlpAddress;

class ForwardingTableTest {
    private static final IlpAddress US = IlpAddress.of("test.us");
    private final UUID id = UUID.randomUUID();
    private final ForwardingTable table = new ForwardingTable(id);

    private static Map<IlpAddress, RouteCandidate> routes(Object... prefixAndNextHop) {
        Map<IlpAddress, RouteCandidate> routes = new HashMap<>();
        for (int i = 0; i < prefixAndNextHop.length; i += 2) {
            String prefix = (String) prefixAndNextHop[i];
            routes.put(IlpAddress.of(prefix), new RouteCandidate((String) prefixAndNextHop[i + 1],
                    route(prefix, "test.us"), false));
        }
        return routes;
    }

    private static List<String> prefixes(List<Route> routes) {
        return routes.stream().map(route -> route.prefix().value()).sorted().toList();
    }

    private static List<String> values(List<IlpAddress> addresses) {
        return addresses.stream().map(IlpAddress::value).sorted().toList();
    }

    @Test
    void shouldAdvanceTheEpochOncePerChangedPrefixAndNotForARepeat() {
        table.replaceWith(routes("test.a", "a", "test.b", "b"));
        table.replaceWith(routes("test.a", "a", "test.b", "b"));

        assertThat(table.currentEpoch()).isEqualTo(2);
        table.replaceWith(routes("test.a", "b"));
        // test.b withdrawn, test.a now via b: two more epochs.
        assertThat(table.currentEpoch()).isEqualTo(4);
    }

    @Test
    void shouldSendAPeerOnlyWhatChangedSinceTheEpochItKnowsWithWithdrawals() {
        table.replaceWith(routes("test.a", "a", "test.b", "b"));
        long known = table.currentEpoch();
        table.replaceWith(routes("test.a", "a", "test.c", "c"));

        RouteUpdateRequest update = table.updateFor("z", known, US, 45_000);

        assertThat(update.routingTableId()).isEqualTo(id);
        assertThat(update.fromEpochIndex()).isEqualTo(known);
        assertThat(update.toEpochIndex()).isEqualTo(4);
        assertThat(update.currentEpochIndex()).isEqualTo(4);
        assertThat(update.holdDownTimeMs()).isEqualTo(45_000);
        assertThat(update.speaker()).isEqualTo(US);
        assertThat(prefixes(update.newRoutes())).containsExactly("test.c");
        assertThat(values(update.withdrawnRoutes())).containsExactly("test.b");
    }

    @Test
    void shouldNeverSendAPeerARouteThroughItselfButWithdrawItInstead() {
        table.replaceWith(routes("test.a", "a", "test.b", "b"));

        RouteUpdateRequest toA = table.updateFor("a", 0, US, 45_000);

        assertThat(prefixes(toA.newRoutes())).containsExactly("test.b");
        assertThat(values(toA.withdrawnRoutes())).containsExactly("test.a");
    }

    @Test
    void shouldStartFromEpochZeroForAPeerClaimingAnEpochWeNeverReached() {
        table.replaceWith(routes("test.a", "a"));

        RouteUpdateRequest update = table.updateFor("z", 99, US, 45_000);

        assertThat(update.fromEpochIndex()).isZero();
        assertThat(prefixes(update.newRoutes())).containsExactly("test.a");
    }

    @Test
    void shouldSplitALongBacklogIntoUpdatesOfAtMostTheMaximum() {
        Map<IlpAddress, RouteCandidate> many = new HashMap<>();
        for (int i = 0; i < ForwardingTable.UPDATE_CHANGES_MAX + 10; i++) {
            many.putAll(routes("test.p" + i, "p"));
        }
        table.replaceWith(many);

        RouteUpdateRequest first = table.updateFor("z", 0, US, 45_000);
        RouteUpdateRequest second = table.updateFor("z", first.toEpochIndex(), US, 45_000);

        assertThat(first.newRoutes()).hasSize(ForwardingTable.UPDATE_CHANGES_MAX);
        assertThat(first.toEpochIndex()).isEqualTo(ForwardingTable.UPDATE_CHANGES_MAX);
        assertThat(second.newRoutes()).hasSize(10);
        assertThat(second.toEpochIndex()).isEqualTo(table.currentEpoch());
    }
}
