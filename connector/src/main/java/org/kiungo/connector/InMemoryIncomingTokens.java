package org.kiungo.connector;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Incoming tokens held in memory as SHA-256 hashes, so a heap dump shows no usable token. The admin API will keep
 * peers' tokens in a store; this is the embedded node's table until then, and stays the fast in-memory view.
 *
 * <p>A lookup finds candidates by the first {@value #SELECTOR_LENGTH} bytes of the hash, then compares the whole
 * hash with {@link MessageDigest#isEqual}, which takes the same time wherever the bytes differ: the response time
 * tells an attacker nothing about how close a guess came.
 */
public final class InMemoryIncomingTokens implements IncomingTokens {
    /** Bytes of the hash used to find candidates; the rest is only ever compared in constant time. */
    static final int SELECTOR_LENGTH = 8;
    /** Bytes of a SHA-256 hash. */
    public static final int HASH_LENGTH = 32;

    private final Map<Long, List<Entry>> bySelector = new ConcurrentHashMap<>();

    /** Gives {@code token} to {@code peerId}; fails when the token is empty or another peer already has it. */
    public synchronized void add(String peerId, String token) {
        Objects.requireNonNull(peerId, "peerId");
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("an incoming token must not be empty");
        }
        addHash(peerId, sha256(token));
    }

    /**
     * Gives the token whose {@link #sha256 hash} is {@code hash} to {@code peerId}: how a store that keeps only
     * hashes fills this table after a restart. Fails when another peer already has it.
     */
    public synchronized void addHash(String peerId, byte[] hash) {
        Objects.requireNonNull(peerId, "peerId");
        if (hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException("a token hash is " + HASH_LENGTH + " bytes");
        }
        hash = hash.clone();
        Optional<String> owner = find(hash);
        if (owner.isPresent() && !owner.get().equals(peerId)) {
            throw new IllegalArgumentException("the incoming token is already used by another peer");
        }
        if (owner.isEmpty()) {
            List<Entry> entries = new ArrayList<>(bySelector.getOrDefault(selector(hash), List.of()));
            entries.add(new Entry(hash, peerId));
            bySelector.put(selector(hash), List.copyOf(entries));
        }
    }

    /** Forgets every token of {@code peerId}. */
    public synchronized void removePeer(String peerId) {
        bySelector.replaceAll((selector, entries) ->
                entries.stream().filter(e -> !e.peerId().equals(peerId)).toList());
        bySelector.values().removeIf(List::isEmpty);
    }

    @Override
    public Optional<String> peerId(String token) {
        return peerIdByHash(token == null || token.isEmpty() ? null : sha256(token));
    }

    /** The peer holding the token with this hash, if any: lets a store check a new token without keeping it. */
    public Optional<String> peerIdByHash(byte[] hash) {
        if (hash == null) {
            return Optional.empty();
        }
        return find(hash);
    }

    private Optional<String> find(byte[] hash) {
        for (Entry entry : bySelector.getOrDefault(selector(hash), List.of())) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                return Optional.of(entry.peerId());
            }
        }
        return Optional.empty();
    }

    private static long selector(byte[] hash) {
        return ByteBuffer.wrap(hash, 0, SELECTOR_LENGTH).getLong();
    }

    /** The SHA-256 hash of {@code token}'s UTF-8 bytes: the only form in which tokens are kept. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Hash arrays are never changed once made, so sharing them is safe. */
    private record Entry(byte[] hash, String peerId) {
    }
}
