package org.kiungo.connector;

import java.util.Collection;
import java.util.Optional;

/**
 * Where the connector finds its peers. The admin API will persist them; until then a test or the node's start-up
 * supplies them. Listeners hear of every change, so routes and limits follow the directory live.
 */
public interface PeerDirectory {
    /** The peer with {@code id}, if there is one. */
    Optional<Peer> peer(String id);

    /** Every peer, in no particular order. */
    Collection<Peer> peers();

    /** Registers {@code listener} for every later change. */
    void addListener(Listener listener);

    /**
     * Told of changes after they are made, on the thread that made them; must be quick and must not throw.
     * Methods do nothing by default, so a listener implements only what it cares about.
     */
    interface Listener {
        default void added(Peer peer) {
        }

        default void updated(Peer before, Peer after) {
        }

        default void removed(Peer peer) {
        }
    }
}
