package org.kiungo.connector;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Peers held in memory, with their incoming tokens kept in step: adding a peer gives it its tokens, removing it
 * takes them away, so a removed peer is refused at the door at once. Reads never lock; changes are serialised and
 * listeners are told after each one.
 */
public final class InMemoryPeerDirectory implements PeerDirectory {
    /** Most peers held; a node with more needs the PostgreSQL store. */
    public static final int PEERS_MAX = 10_000;

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final InMemoryIncomingTokens incomingTokens;

    public InMemoryPeerDirectory(InMemoryIncomingTokens incomingTokens) {
        this.incomingTokens = Objects.requireNonNull(incomingTokens, "incomingTokens");
    }

    /**
     * Adds {@code peer}, which sends us packets with any of {@code tokens}. Fails when the id is taken, a token
     * belongs to another peer, or the directory is full; a failure changes nothing.
     */
    public synchronized void add(Peer peer, Collection<String> tokens) {
        if (peers.containsKey(peer.id())) {
            throw new IllegalArgumentException("a peer with id " + peer.id() + " exists already");
        }
        if (peers.size() >= PEERS_MAX) {
            throw new IllegalStateException("the directory holds " + PEERS_MAX + " peers, its maximum");
        }
        for (String token : tokens) {
            if (token == null || token.isEmpty()) {
                throw new IllegalArgumentException("an incoming token must not be empty");
            }
            if (incomingTokens.peerId(token).isPresent()) {
                throw new IllegalArgumentException("an incoming token is already used by another peer");
            }
        }
        tokens.forEach(token -> incomingTokens.add(peer.id(), token));
        peers.put(peer.id(), peer);
        listeners.forEach(listener -> listener.added(peer));
    }

    /**
     * Adds {@code peer} with the SHA-256 hashes of its incoming tokens, as a store that keeps only hashes holds
     * them. Fails like {@link #add}; a failure changes nothing.
     */
    public synchronized void addHashed(Peer peer, Collection<byte[]> tokenHashes) {
        if (peers.containsKey(peer.id())) {
            throw new IllegalArgumentException("a peer with id " + peer.id() + " exists already");
        }
        if (peers.size() >= PEERS_MAX) {
            throw new IllegalStateException("the directory holds " + PEERS_MAX + " peers, its maximum");
        }
        for (byte[] hash : tokenHashes) {
            if (incomingTokens.peerIdByHash(hash).isPresent()) {
                throw new IllegalArgumentException("an incoming token is already used by another peer");
            }
        }
        tokenHashes.forEach(hash -> incomingTokens.addHash(peer.id(), hash));
        peers.put(peer.id(), peer);
        listeners.forEach(listener -> listener.added(peer));
    }

    /**
     * Replaces the incoming tokens of peer {@code id} by those with {@code tokenHashes}: the next packet must carry
     * one of them. Fails, changing nothing, when there is no such peer or a token belongs to another peer.
     */
    public synchronized void replaceTokenHashes(String id, Collection<byte[]> tokenHashes) {
        if (!peers.containsKey(id)) {
            throw new IllegalArgumentException("there is no peer with id " + id);
        }
        for (byte[] hash : tokenHashes) {
            if (incomingTokens.peerIdByHash(hash).filter(owner -> !owner.equals(id)).isPresent()) {
                throw new IllegalArgumentException("an incoming token is already used by another peer");
            }
        }
        incomingTokens.removePeer(id);
        tokenHashes.forEach(hash -> incomingTokens.addHash(id, hash));
    }

    /** Replaces the peer with the same id; its tokens stay. Fails when there is no such peer. */
    public synchronized void update(Peer peer) {
        Peer before = peers.get(peer.id());
        if (before == null) {
            throw new IllegalArgumentException("there is no peer with id " + peer.id());
        }
        peers.put(peer.id(), peer);
        listeners.forEach(listener -> listener.updated(before, peer));
    }

    /** Removes the peer and its tokens; returns whether there was one. */
    public synchronized boolean remove(String id) {
        Peer removed = peers.remove(id);
        if (removed == null) {
            return false;
        }
        incomingTokens.removePeer(id);
        listeners.forEach(listener -> listener.removed(removed));
        return true;
    }

    @Override
    public Optional<Peer> peer(String id) {
        return Optional.ofNullable(peers.get(id));
    }

    @Override
    public Collection<Peer> peers() {
        return List.copyOf(peers.values());
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
