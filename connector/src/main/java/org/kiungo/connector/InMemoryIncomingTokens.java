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

    private final Map<Long, List<Entry>> bySelector = new ConcurrentHashMap<>();

    /** Gives {@code token} to {@code peerId}; fails when the token is empty or another peer already has it. */
    public synchronized void add(String peerId, String token) {
        Objects.requireNonNull(peerId, "peerId");
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("an incoming token must not be empty");
        }
        byte[] hash = sha256(token);
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
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return find(sha256(token));
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

    private static byte[] sha256(String token) {
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
