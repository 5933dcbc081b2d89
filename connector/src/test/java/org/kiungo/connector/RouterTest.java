package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.connector.Fixtures.USD;
import static org.kiungo.connector.Fixtures.peer;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.IlpAddress;

class RouterTest {
    private final InMemoryPeerDirectory directory = new InMemoryPeerDirectory(new InMemoryIncomingTokens());
    private final Router router = Router.following(directory);

    private String nextHop(String destination) {
        return router.nextHop(IlpAddress.of(destination)).map(Peer::id).orElse("none");
    }

    @Test
    void shouldChooseTheLongestMatchingPrefixOnSegmentBoundaries() {
        directory.add(peer("b", "test.b", USD).withRoutes(List.of(IlpAddress.of("test.c"))), List.of());
        directory.add(peer("d", "test.c.d", USD), List.of());

        assertThat(nextHop("test.b")).isEqualTo("b");
        assertThat(nextHop("test.b.alice")).isEqualTo("b");
        assertThat(nextHop("test.c.bob")).isEqualTo("b");
        assertThat(nextHop("test.c.d.carol")).isEqualTo("d");
        assertThat(nextHop("test.c.dx")).isEqualTo("b");
        assertThat(nextHop("test.bb")).isEqualTo("none");
        assertThat(nextHop("test.x")).isEqualTo("none");
    }

    @Test
    void shouldFollowPeersAddedAndRemovedLive() {
        assertThat(nextHop("test.b.alice")).isEqualTo("none");
        directory.add(peer("b", "test.b", USD), List.of());
        assertThat(nextHop("test.b.alice")).isEqualTo("b");

        directory.update(directory.peer("b").orElseThrow().withRoutes(List.of(IlpAddress.of("test.z"))));
        assertThat(nextHop("test.z.zed")).isEqualTo("b");

        directory.remove("b");
        assertThat(nextHop("test.b.alice")).isEqualTo("none");
        assertThat(router.table().size()).isZero();
    }

    @Test
    void shouldMergeLearnedRoutesButLetConfiguredOnesWin() {
        directory.add(peer("b", "test.b", USD), List.of());
        directory.add(peer("c", "test.c", USD), List.of());

        router.setLearnedRoutes(Map.of(IlpAddress.of("test.far"), "c", IlpAddress.of("test.b"), "c"));

        assertThat(nextHop("test.far.away")).isEqualTo("c");
        assertThat(nextHop("test.b.alice")).isEqualTo("b");
    }

    @Test
    void shouldNotRouteToALearnedPeerThatIsGone() {
        router.setLearnedRoutes(Map.of(IlpAddress.of("test.far"), "gone"));

        assertThat(nextHop("test.far.away")).isEqualTo("none");
    }

    @Test
    void shouldResolveTwoPeersConfiguringOnePrefixToTheSmallerId() {
        directory.add(peer("y", "test.y", USD).withRoutes(List.of(IlpAddress.of("test.shared"))), List.of());
        directory.add(peer("x", "test.x", USD).withRoutes(List.of(IlpAddress.of("test.shared"))), List.of());

        assertThat(nextHop("test.shared.z")).isEqualTo("x");
    }
}
