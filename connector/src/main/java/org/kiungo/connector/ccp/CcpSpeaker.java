package org.kiungo.connector.ccp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.kiungo.codec.DecodingException;
import org.kiungo.codec.ccp.Ccp;
import org.kiungo.codec.ccp.CcpMode;
import org.kiungo.codec.ccp.RouteControlRequest;
import org.kiungo.codec.ccp.RouteUpdateRequest;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.Fulfill;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.codec.ilp.Reply;
import org.kiungo.connector.HttpLink;
import org.kiungo.connector.PacketSender;
import org.kiungo.connector.Peer;
import org.kiungo.connector.PeerDirectory;
import org.kiungo.connector.RouteExchange;
import org.kiungo.connector.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CCP speaker: learns routes from peers whose {@code receiveRoutes} is on, chooses the best route per prefix
 * ({@link RouteSelection}) for the {@link Router}, and sends its own table to peers whose {@code sendRoutes} is on
 * once they ask (SYNC). All work on the network happens in {@link #tick}, called by {@link CcpTimer} or a test, on
 * {@code sends}; the packet path only ever sees a new table swapped into the router.
 */
public final class CcpSpeaker implements RouteExchange, PeerDirectory.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(CcpSpeaker.class);

    private final IlpAddress ourAddress;
    private final CcpSettings settings;
    private final Clock clock;
    private final PeerDirectory peers;
    private final Router router;
    private final PacketSender sender;
    private final Executor sends;
    private final RouteSelection selection;
    private final LocalRoutes localRoutes;
    private final ForwardingTable table = new ForwardingTable(UUID.randomUUID());
    private final Map<String, IncomingRoutes> incoming = new HashMap<>();
    private final Map<String, ControlRequests> controls = new HashMap<>();
    private final Map<String, PeerSync> syncs = new HashMap<>();

    private CcpSpeaker(IlpAddress ourAddress, CcpSettings settings, Clock clock, PeerDirectory peers, Router router,
                       PacketSender sender, Executor sends, RouteCost cost) {
        this.ourAddress = ourAddress;
        this.settings = settings;
        this.clock = clock;
        this.peers = peers;
        this.router = router;
        this.sender = sender;
        this.sends = sends;
        this.selection = new RouteSelection(cost);
        this.localRoutes = new LocalRoutes(ourAddress, new SecureRandom());
    }

    /**
     * A speaker for the node at {@code ourAddress} that follows {@code peers}, feeds {@code router} and sends its
     * requests with {@code sender} on {@code sends}; it does nothing on the network until {@link #tick} runs.
     */
    public static CcpSpeaker following(IlpAddress ourAddress, CcpSettings settings, Clock clock, PeerDirectory peers,
                                       Router router, PacketSender sender, Executor sends, RouteCost cost) {
        CcpSpeaker speaker = new CcpSpeaker(Objects.requireNonNull(ourAddress, "ourAddress"),
                Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(peers, "peers"), Objects.requireNonNull(router, "router"),
                Objects.requireNonNull(sender, "sender"), Objects.requireNonNull(sends, "sends"),
                Objects.requireNonNull(cost, "cost"));
        peers.addListener(speaker);
        synchronized (speaker) {
            speaker.reselect();
        }
        return speaker;
    }

    public CcpSettings settings() {
        return settings;
    }

    @Override
    public Reply control(Peer from, Prepare prepare) {
        RouteControlRequest request;
        try {
            request = RouteControlRequest.fromPrepare(prepare, clock);
        } catch (DecodingException e) {
            return Reject.of(ErrorCode.F00_BAD_REQUEST, ourAddress, e.getMessage());
        }
        if (!from.sendRoutes()) {
            return Reject.of(ErrorCode.F00_BAD_REQUEST, ourAddress, "this node does not send routes to you");
        }
        synchronized (this) {
            // Any other table id is one we no longer have (an earlier start): the peer gets everything again.
            boolean ours = request.lastKnownRoutingTableId().equals(table.id());
            syncs.computeIfAbsent(from.id(), id -> new PeerSync()).control(request.mode() == CcpMode.SYNC,
                    ours ? request.lastKnownEpoch() : 0);
            if (from.receiveRoutes() && !incoming.containsKey(from.id())) {
                // The peer is up now, perhaps after we gave up asking it (it started late or restarted): ask again.
                controls.computeIfAbsent(from.id(), id -> new ControlRequests()).want();
            }
        }
        return Ccp.response();
    }

    @Override
    public Reply update(Peer from, Prepare prepare) {
        RouteUpdateRequest request;
        try {
            request = RouteUpdateRequest.fromPrepare(prepare, clock);
        } catch (DecodingException e) {
            return Reject.of(ErrorCode.F00_BAD_REQUEST, ourAddress, e.getMessage());
        }
        if (!from.receiveRoutes()) {
            return Reject.of(ErrorCode.F00_BAD_REQUEST, ourAddress, "this node does not accept routes from you");
        }
        synchronized (this) {
            IncomingRoutes routes = incoming.computeIfAbsent(from.id(), id -> new IncomingRoutes(ourAddress));
            switch (routes.apply(request, clock.instant())) {
                case APPLIED -> reselect();
                case GAP -> {
                    // Accepted but not applied: the control request we send tells the peer where to resume.
                    LOG.debug("gap in route updates from peer {}: we hold epoch {}, the update starts at {}",
                            from.id(), routes.epoch(), request.fromEpochIndex());
                    controls.computeIfAbsent(from.id(), id -> new ControlRequests()).want();
                }
                case STALE -> LOG.debug("old route update from peer {} ignored", from.id());
                default -> throw new IllegalStateException();
            }
        }
        return Ccp.response();
    }

    /**
     * Does what is due now: forgets the routes of peers silent past their hold-down time, sends route control
     * requests still owed, and sends each syncing peer its update when its broadcast interval is over.
     */
    public void tick() {
        List<Runnable> tasks = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            boolean lapsed = false;
            for (Map.Entry<String, IncomingRoutes> entry : incoming.entrySet()) {
                if (entry.getValue().expire(now)) {
                    LOG.info("routes from peer {} lapsed after its hold-down time", entry.getKey());
                    controls.computeIfAbsent(entry.getKey(), id -> new ControlRequests()).want();
                    lapsed = true;
                }
            }
            if (lapsed) {
                reselect();
            }
            for (Peer peer : peers.peers()) {
                peer.link().ifPresent(link -> collect(peer, link, now, tasks));
            }
        }
        for (Runnable task : tasks) {
            try {
                sends.execute(task);
            } catch (RejectedExecutionException e) {
                // Stopping: the task would have failed anyway; run it so its state is released.
                task.run();
            }
        }
    }

    private void collect(Peer peer, HttpLink link, Instant now, List<Runnable> tasks) {
        if (peer.receiveRoutes()) {
            ControlRequests control = controls.computeIfAbsent(peer.id(), id -> {
                ControlRequests first = new ControlRequests();
                first.want();
                return first;
            });
            if (control.due(now, settings.broadcastInterval())) {
                control.sending(now);
                IncomingRoutes known = incoming.get(peer.id());
                RouteControlRequest request = new RouteControlRequest(CcpMode.SYNC,
                        known == null ? IncomingRoutes.NO_TABLE : known.tableId(), known == null ? 0 : known.epoch(),
                        List.of());
                Prepare prepare = request.toPrepare(now.plus(settings.requestLifetime()));
                tasks.add(() -> sendControl(peer.id(), link, prepare, control));
            }
        }
        PeerSync sync = syncs.get(peer.id());
        if (peer.sendRoutes() && sync != null && sync.due(now, settings.broadcastInterval())) {
            long generation = sync.sending(now);
            RouteUpdateRequest update = table.updateFor(peer.id(), sync.nextEpoch(), ourAddress,
                    settings.holdDownTime().toMillis());
            Prepare prepare = update.toPrepare(now.plus(settings.requestLifetime()));
            tasks.add(() -> sendUpdate(peer.id(), link, prepare, sync, generation, update.toEpochIndex()));
        }
    }

    private void sendControl(String peerId, HttpLink link, Prepare prepare, ControlRequests control) {
        boolean accepted = false;
        try {
            accepted = accepted(peerId, "route control", sender.send(peerId, link, prepare));
        } finally {
            synchronized (this) {
                control.finished(accepted);
            }
        }
    }

    private void sendUpdate(String peerId, HttpLink link, Prepare prepare, PeerSync sync, long generation,
                            long toEpoch) {
        boolean accepted = false;
        try {
            accepted = accepted(peerId, "route update", sender.send(peerId, link, prepare));
        } finally {
            synchronized (this) {
                sync.finished(generation, accepted, toEpoch);
            }
        }
    }

    private static boolean accepted(String peerId, String what, Reply reply) {
        if (reply instanceof Fulfill fulfill) {
            try {
                Ccp.requireResponse(fulfill);
                return true;
            } catch (DecodingException e) {
                LOG.debug("peer {} answered our {} with a wrong fulfillment", peerId, what);
                return false;
            }
        }
        Reject reject = (Reject) reply;
        LOG.debug("peer {} refused our {}: {} {}", peerId, what, reject.code(), reject.message());
        return false;
    }

    /** Chooses again among every route we know, then tells the router and logs the changes for our peers. */
    private void reselect() {
        List<RouteCandidate> candidates = new ArrayList<>(localRoutes.of(peers.peers()));
        for (Peer peer : peers.peers()) {
            IncomingRoutes learned = incoming.get(peer.id());
            if (peer.receiveRoutes() && learned != null) {
                learned.routes().forEach(route -> candidates.add(new RouteCandidate(peer.id(), route, false)));
            }
        }
        Map<IlpAddress, RouteCandidate> best = selection.best(candidates);
        Map<IlpAddress, String> learnedNextHops = new HashMap<>();
        Map<IlpAddress, RouteCandidate> advertised = new HashMap<>();
        best.forEach((prefix, candidate) -> {
            if (!candidate.local()) {
                learnedNextHops.put(prefix, candidate.nextHop());
            }
            if (localRoutes.advertised(prefix)) {
                advertised.put(prefix, localRoutes.passedOn(candidate));
            }
        });
        router.setLearnedRoutes(learnedNextHops);
        table.replaceWith(advertised);
    }

    @Override
    public synchronized void added(Peer peer) {
        reselect();
    }

    @Override
    public synchronized void updated(Peer before, Peer after) {
        if (!after.receiveRoutes()) {
            incoming.remove(after.id());
            controls.remove(after.id());
        }
        if (!after.sendRoutes()) {
            syncs.remove(after.id());
        }
        reselect();
    }

    @Override
    public synchronized void removed(Peer peer) {
        incoming.remove(peer.id());
        controls.remove(peer.id());
        syncs.remove(peer.id());
        reselect();
    }
}
