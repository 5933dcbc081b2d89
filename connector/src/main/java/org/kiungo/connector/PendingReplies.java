package org.kiungo.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.kiungo.codec.ilp.Reply;

/**
 * Prepares we sent to peers in RFC 35's asynchronous mode, each waiting by its Request-Id for the reply the peer
 * POSTs to our callback URL. Only the first reply counts; a second, or one for an id we do not know or that
 * another peer's Prepare carries, changes nothing. Bounded: when {@link #PENDING_MAX} Prepares wait, no more can
 * be sent in this mode until some are answered or expire.
 */
public final class PendingReplies {
    /** Prepares waiting for a callback at once. */
    public static final int PENDING_MAX = 65_536;

    private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(String peerId, CompletableFuture<Reply> reply) {
    }

    /** What became of a reply that arrived by callback. */
    public enum Delivery {
        /** The first reply to a Prepare in flight: it is the answer. */
        ACCEPTED,
        /** A later reply to a Prepare that has its answer already: ignored. */
        DUPLICATE,
        /** No Prepare from us to this peer waits under this Request-Id (never sent, answered or expired). */
        UNKNOWN
    }

    /**
     * Waits for peer {@code peerId}'s reply under {@code requestId}, or empty when {@link #PENDING_MAX} Prepares
     * wait already. The caller must {@link #forget} the id once it stops waiting.
     */
    public Optional<CompletableFuture<Reply>> register(UUID requestId, String peerId) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(peerId, "peerId");
        if (pending.size() >= PENDING_MAX) {
            return Optional.empty();
        }
        Pending mine = new Pending(peerId, new CompletableFuture<>());
        if (pending.putIfAbsent(requestId, mine) != null) {
            throw new IllegalStateException("a Request-Id is used twice");
        }
        return Optional.of(mine.reply());
    }

    /** Hands {@code reply} from peer {@code peerId} to the Prepare waiting under {@code requestId}, if any. */
    public Delivery deliver(String peerId, UUID requestId, Reply reply) {
        Pending waiting = pending.get(requestId);
        if (waiting == null || !waiting.peerId().equals(peerId)) {
            return Delivery.UNKNOWN;
        }
        return waiting.reply().complete(reply) ? Delivery.ACCEPTED : Delivery.DUPLICATE;
    }

    public void forget(UUID requestId) {
        pending.remove(requestId);
    }

    /** How many Prepares wait now. */
    public int size() {
        return pending.size();
    }
}
