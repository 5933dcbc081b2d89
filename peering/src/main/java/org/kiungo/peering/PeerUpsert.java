package org.kiungo.peering;

import java.util.Objects;

/**
 * The peer that {@link Peers#createOrUpdate} left behind, and whether it was created (rather than updated).
 */
public record PeerUpsert(PeerRecord peer, boolean created) {
    public PeerUpsert {
        Objects.requireNonNull(peer, "peer");
    }
}
