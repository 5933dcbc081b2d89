package org.kiungo.connector.ccp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ccp.Ccp;
import org.kiungo.codec.ccp.CcpMode;
import org.kiungo.codec.ccp.Route;
import org.kiungo.codec.ccp.RouteControlRequest;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.connector.Asset;
import org.kiungo.connector.HttpLink;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.connector.Peer;
import org.kiungo.connector.Router;
import org.kiungo.ledger.MutableClock;

/**
 * Speakers wired to each other in-process: a packet one sends is handed straight to the other's handler, on the
 * caller's thread, and recorded. One fake clock for all, and ticks by hand, so every interval is exact.
 */
class CcpSpeakerTest {
    private static final Asset USD = new Asset("USD", 2, 1);
    private static final Duration INTERVAL = CcpSettings.BROADCAST_INTERVAL;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final Map<String, TestNode> nodes = new HashMap<>();
    /** Every CCP packet sent: "from>to destination". */
    private final List<String> sent = new ArrayList<>();
    private final List<RouteUpdateRequest> updatesToA = new ArrayList<>();
    private final List<RouteControlRequest> controlsSent = new ArrayList<>();
    /** Names of nodes whose answers are replaced by a T01, as if unreachable. */
    private final List<String> down = new ArrayList<>();

    private final class TestNode {
        final String name;
        final InMemoryPeerDirectory peers = new InMemoryPeerDirectory(new InMemoryIncomingTokens());
        final Router router = Router.following(peers);
        final CcpSpeaker speaker;

        TestNode(String name) {
            this.name = name;
            this.speaker = CcpSpeaker.following(address(name), CcpSettings.defaults(), clock, peers, router,
                    (peerId, link, prepare) -> deliver(this.name, peerId, prepare), Runnable::run,
                    RouteCost.UNKNOWN);
            nodes.put(name, this);
        }

        void peerWith(String other) {
            peers.add(peer(other), List.of("from-" + other + "-to-" + name));
        }

        Optional<String> nextHop(String destination) {
            return router.nextHop(IlpAddress.of(destination)).map(Peer::id);
        }
    }

    private static IlpAddress address(String name) {
        return IlpAddress.of("test." + name);
    }

    private static Peer peer(String name) {
        return Peer.of(name, address(name), USD, HttpLink.of(URI.create("http://" + name + ".invalid/ilp"), "t"),
                UUID.randomUUID());
    }

    private Reply deliver(String from, String to, Prepare prepare) {
        sent.add(from + ">" + to + " " + prepare.destination());
        if (prepare.destination().equals(Ccp.CONTROL_DESTINATION)) {
            controlsSent.add(decodeControl(prepare));
        }
        TestNode target = nodes.get(to);
        if (target == null || down.contains(to)) {
            return Reject.of(ErrorCode.T01_PEER_UNREACHABLE, address(from), "down");
        }
        Optional<Peer> known = target.peers.peer(from);
        if (known.isEmpty()) {
            // Over HTTP the token would be refused (401), which the client reports as T01.
            return Reject.of(ErrorCode.T01_PEER_UNREACHABLE, address(from), "HTTP 401");
        }
        Peer sender = known.get();
        if (prepare.destination().equals(Ccp.CONTROL_DESTINATION)) {
            return target.speaker.control(sender, prepare);
        }
        if (to.equals("a")) {
            updatesToA.add(decodeUpdate(prepare));
        }
        return target.speaker.update(sender, prepare);
    }

    private static RouteControlRequest decodeControl(Prepare prepare) {
        try {
            return RouteControlRequest.decodeData(prepare.data());
        } catch (DecodingException e) {
            throw new AssertionError(e);
        }
    }

    private static RouteUpdateRequest decodeUpdate(Prepare prepare) {
        try {
            return RouteUpdateRequest.decodeData(prepare.data());
        } catch (DecodingException e) {
            throw new AssertionError(e);
        }
    }

    private void tickAll() {
        nodes.values().stream().sorted((x, y) -> x.name.compareTo(y.name)).forEach(node -> node.speaker.tick());
    }

    /** a - b - c - d in a line; only neighbours know each other. */
    private void line() {
        TestNode a = new TestNode("a");
        TestNode b = new TestNode("b");
        TestNode c = new TestNode("c");
        TestNode d = new TestNode("d");
        a.peerWith("b");
        b.peerWith("a");
        b.peerWith("c");
        c.peerWith("b");
        c.peerWith("d");
        d.peerWith("c");
    }

    private long sentCount(String fromTo, String destination) {
        return sent.stream().filter(line -> line.equals(fromTo + " " + destination)).count();
    }

    @Test
    void shouldLearnRoutesAcrossTwoHopsWithOurAddressPrependedToThePath() {
        line();
        tickAll();
        tickAll();
        clock.advance(INTERVAL);
        tickAll();

        assertThat(nodes.get("a").nextHop("test.c.x")).contains("b");
        assertThat(nodes.get("a").nextHop("test.d.x")).contains("b");
        assertThat(nodes.get("d").nextHop("test.a.x")).contains("c");
        Route toD = updatesToA.stream().flatMap(update -> update.newRoutes().stream())
                .filter(route -> route.prefix().equals(address("d"))).findFirst().orElseThrow();
        assertThat(toD.path()).containsExactly(address("b"), address("c"));
    }

    @Test
    void shouldSendAtMostOneUpdatePerPeerPerIntervalAggregatingTheChanges() {
        line();
        tickAll();
        tickAll();
        long before = sentCount("b>a", "peer.route.update");
        nodes.get("b").peerWith("e");
        nodes.get("b").peerWith("f");
        for (int i = 0; i < 5; i++) {
            clock.advance(INTERVAL.dividedBy(6));
            tickAll();
        }

        assertThat(sentCount("b>a", "peer.route.update")).isEqualTo(before);
        clock.advance(INTERVAL.dividedBy(6));
        tickAll();
        tickAll();
        assertThat(sentCount("b>a", "peer.route.update")).isEqualTo(before + 1);
        RouteUpdateRequest last = updatesToA.get(updatesToA.size() - 1);
        assertThat(last.newRoutes()).extracting(route -> route.prefix().value()).contains("test.e", "test.f");
        assertThat(nodes.get("a").nextHop("test.f")).contains("b");
    }

    @Test
    void shouldNeverAdvertiseARouteBackToThePeerItCameFrom() {
        line();
        tickAll();
        tickAll();

        for (RouteUpdateRequest update : updatesToA) {
            assertThat(update.newRoutes()).noneMatch(route -> route.prefix().equals(address("a")));
        }
        assertThat(updatesToA).anyMatch(update -> update.withdrawnRoutes().contains(address("a")));
    }

    @Test
    void shouldWithdrawARouteFromEveryHopWhenItsPeerIsRemoved() {
        line();
        tickAll();
        tickAll();
        clock.advance(INTERVAL);
        tickAll();
        assertThat(nodes.get("a").nextHop("test.d")).contains("b");

        nodes.get("c").peers.remove("d");
        clock.advance(INTERVAL);
        tickAll();
        clock.advance(INTERVAL);
        tickAll();

        assertThat(nodes.get("b").nextHop("test.d")).isEmpty();
        assertThat(nodes.get("a").nextHop("test.d")).isEmpty();
        assertThat(nodes.get("a").nextHop("test.c")).contains("b");
    }

    @Test
    void shouldAskForTheMissingEpochsWhenAnUpdateLeavesAGap() throws Exception {
        TestNode a = new TestNode("a");
        a.peerWith("b");
        Peer b = a.peers.peer("b").orElseThrow();
        UUID table = UUID.randomUUID();
        Instant expiry = clock.instant().plusSeconds(10);
        RouteUpdateRequest first = new RouteUpdateRequest(table, 3, 0, 3, 45_000, address("b"),
                List.of(IncomingRoutesTest.route("test.x", "test.b")), List.of());
        RouteUpdateRequest skipping = new RouteUpdateRequest(table, 9, 6, 9, 45_000, address("b"),
                List.of(IncomingRoutesTest.route("test.y", "test.b")), List.of());
        a.speaker.tick();
        controlsSent.clear();

        assertThat(a.speaker.update(b, first.toPrepare(expiry))).isInstanceOf(Fulfill.class);
        assertThat(a.speaker.update(b, skipping.toPrepare(expiry))).isInstanceOf(Fulfill.class);
        clock.advance(INTERVAL);
        a.speaker.tick();

        assertThat(a.nextHop("test.x")).contains("b");
        assertThat(a.nextHop("test.y")).isEmpty();
        assertThat(controlsSent).containsExactly(new RouteControlRequest(CcpMode.SYNC, table, 3, List.of()));
    }

    @Test
    void shouldForgetAPeersRoutesAfterTheHoldDownTimeAndAskAgain() {
        line();
        tickAll();
        tickAll();
        assertThat(nodes.get("a").nextHop("test.c")).contains("b");
        down.add("a");
        sent.clear();

        // b cannot reach a any more, so a hears nothing; only a ticks from now on.
        clock.advance(CcpSettings.HOLD_DOWN_TIME.plusMillis(1));
        nodes.get("a").speaker.tick();

        assertThat(nodes.get("a").nextHop("test.c")).isEmpty();
        assertThat(nodes.get("a").nextHop("test.b")).contains("b");
        assertThat(sent).contains("a>b peer.route.control");
    }

    @Test
    void shouldStopSendingUpdatesToAPeerThatAsksForIdle() {
        line();
        tickAll();
        tickAll();
        Peer a = nodes.get("b").peers.peer("a").orElseThrow();
        Prepare idle = new RouteControlRequest(CcpMode.IDLE, UUID.randomUUID(), 0, List.of())
                .toPrepare(clock.instant().plusSeconds(10));
        assertThat(nodes.get("b").speaker.control(a, idle)).isInstanceOf(Fulfill.class);
        long before = sentCount("b>a", "peer.route.update");

        clock.advance(INTERVAL.multipliedBy(3));
        nodes.get("b").speaker.tick();

        assertThat(sentCount("b>a", "peer.route.update")).isEqualTo(before);
    }

    @Test
    void shouldRefuseCcpFromAPeerWhoseRouteExchangeIsOffInThatDirection() {
        TestNode b = new TestNode("b");
        b.peers.add(peer("a").withRouteExchange(false, false), List.of("t"));
        Peer a = b.peers.peer("a").orElseThrow();
        Instant expiry = clock.instant().plusSeconds(10);

        Reply control = b.speaker.control(a, new RouteControlRequest(CcpMode.SYNC, UUID.randomUUID(), 0, List.of())
                .toPrepare(expiry));
        Reply update = b.speaker.update(a, new RouteUpdateRequest(UUID.randomUUID(), 1, 0, 1, 45_000, address("a"),
                List.of(IncomingRoutesTest.route("test.z", "test.a")), List.of()).toPrepare(expiry));

        assertThat(((Reject) control).code()).isEqualTo(ErrorCode.F00_BAD_REQUEST);
        assertThat(((Reject) update).code()).isEqualTo(ErrorCode.F00_BAD_REQUEST);
        assertThat(b.nextHop("test.z")).isEmpty();
        b.speaker.tick();
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldGiveUpAskingAnUnreachablePeerForRoutesAfterTheMaximumAttempts() {
        TestNode a = new TestNode("a");
        a.peerWith("b");
        down.add("b");

        for (int i = 0; i < ControlRequests.ATTEMPTS_MAX + 5; i++) {
            a.speaker.tick();
            clock.advance(INTERVAL);
        }

        assertThat(sentCount("a>b", "peer.route.control")).isEqualTo(ControlRequests.ATTEMPTS_MAX);
    }

    @Test
    void shouldAskAgainForRoutesWhenAPeerItGaveUpOnAsksForOurs() {
        TestNode a = new TestNode("a");
        a.peerWith("b");
        down.add("b");
        for (int i = 0; i < ControlRequests.ATTEMPTS_MAX; i++) {
            a.speaker.tick();
            clock.advance(INTERVAL);
        }
        TestNode b = new TestNode("b");
        b.peerWith("a");
        b.peerWith("z");
        down.remove("b");

        b.speaker.tick();
        clock.advance(INTERVAL);
        a.speaker.tick();
        clock.advance(INTERVAL);
        b.speaker.tick();

        assertThat(sentCount("a>b", "peer.route.control")).isEqualTo(ControlRequests.ATTEMPTS_MAX + 1);
        assertThat(a.nextHop("test.z")).contains("b");
    }

    @Test
    void shouldRefuseAMalformedCcpRequestWithF00() {
        TestNode a = new TestNode("a");
        a.peerWith("b");
        Prepare garbage = new Prepare(0, clock.instant().plusSeconds(10), new byte[32], Ccp.UPDATE_DESTINATION,
                new byte[] {1});

        Reply reply = a.speaker.update(a.peers.peer("b").orElseThrow(), garbage);

        assertThat(((Reject) reply).code()).isEqualTo(ErrorCode.F00_BAD_REQUEST);
    }
}
