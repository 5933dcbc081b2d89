package org.kiungo.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kiungo.codec.ilp.IlpAddress;

/**
 * Keeps the current {@link RoutingTable}: rebuilt whenever the peer directory changes or learned routes arrive,
 * and swapped in atomically, so the packet path reads it without a lock. Configured routes come from the
 * directory; {@link #setLearnedRoutes} is the second source, where the CCP speaker puts what it learns.
 */
public final class Router implements PeerDirectory.Listener {
    private final PeerDirectory peers;
    private final AtomicReference<RoutingTable> table = new AtomicReference<>(RoutingTable.EMPTY);
    private Map<IlpAddress, String> learned = Map.of();

    private Router(PeerDirectory peers) {
        this.peers = peers;
    }

    /** A router that follows {@code peers} from now on. */
    public static Router following(PeerDirectory peers) {
        Router router = new Router(Objects.requireNonNull(peers, "peers"));
        peers.addListener(router);
        router.rebuild();
        return router;
    }

    /** The peer for the longest matching prefix of {@code destination}, if it is still in the directory. */
    public Optional<Peer> nextHop(IlpAddress destination) {
        return table.get().nextHop(destination).flatMap(peers::peer);
    }

    /** Replaces every learned route (prefix to peer id); configured routes still win on the same prefix. */
    public synchronized void setLearnedRoutes(Map<IlpAddress, String> routes) {
        learned = Map.copyOf(routes);
        rebuild();
    }

    /** The table in use now. */
    public RoutingTable table() {
        return table.get();
    }

    @Override
    public void added(Peer peer) {
        rebuild();
    }

    @Override
    public void updated(Peer before, Peer after) {
        rebuild();
    }

    @Override
    public void removed(Peer peer) {
        rebuild();
    }

    private synchronized void rebuild() {
        table.set(RoutingTable.of(peers.peers(), learned));
    }
}
