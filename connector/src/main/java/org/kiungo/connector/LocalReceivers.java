package org.kiungo.connector;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process receivers that stand in for a peer's link: a packet routed to such a peer is handed to its receiver
 * instead of going over HTTP. The STREAM receiver for the node's wallet addresses will plug in here; tests use it
 * for a fulfilling sink.
 */
public final class LocalReceivers {
    /** Most receivers registered at once. */
    public static final int RECEIVERS_MAX = 10_000;

    private final Map<String, PacketHandler> receivers = new ConcurrentHashMap<>();

    /** Sends packets routed to peer {@code peerId} to {@code receiver}, told which peer sent each one. */
    public synchronized void register(String peerId, PacketHandler receiver) {
        Objects.requireNonNull(receiver, "receiver");
        if (!receivers.containsKey(peerId) && receivers.size() >= RECEIVERS_MAX) {
            throw new IllegalStateException("at most " + RECEIVERS_MAX + " local receivers");
        }
        receivers.put(peerId, receiver);
    }

    public void unregister(String peerId) {
        receivers.remove(peerId);
    }

    public Optional<PacketHandler> receiver(String peerId) {
        return Optional.ofNullable(receivers.get(peerId));
    }
}
