package org.kiungo.ledger.embedded;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The deadlines of open pending transfers, as records of the live {@link TransferStore}: one queue per timeout.
 * Timestamps increase in the order transfers are applied, so within one timeout deadlines come in order and a
 * queue is sorted by construction: adding costs an append where a sorted set cost a walk down a tree and an
 * object. A post or void leaves its entry in place; the sweep drops entries whose transfer is no longer open as
 * it meets them at the head, and every generation starts its queues afresh from the open pending transfers it
 * carries over, so what they hold stays bounded by a generation.
 */
final class Expiries {
    private final Map<Long, Queue> byTimeout = new HashMap<>();

    /** A ring of records, oldest first. */
    private static final class Queue {
        private int[] records = new int[16];
        private int head;
        private int size;

        void add(int record) {
            if (size == records.length) {
                int[] grown = new int[size * 2];
                for (int i = 0; i < size; i++) grown[i] = records[(head + i) & (records.length - 1)];
                records = grown;
                head = 0;
            }
            records[(head + size++) & (records.length - 1)] = record;
        }

        int first() {
            return records[head];
        }

        void removeFirst() {
            head = (head + 1) & (records.length - 1);
            size--;
        }

        int removeLast() {
            return records[(head + --size) & (records.length - 1)];
        }
    }

    /** Adds pending transfer {@code record}, newer than every record added with the same timeout. */
    void add(long timeoutSeconds, int record) {
        if (timeoutSeconds != 0) byTimeout.computeIfAbsent(timeoutSeconds, t -> new Queue()).add(record);
    }

    /** Takes back pending transfer {@code record}, the newest added with its timeout, when its chain fails. */
    void removeNewest(long timeoutSeconds, int record) {
        if (timeoutSeconds == 0) return;
        Queue queue = byTimeout.get(timeoutSeconds);
        int removed = queue.removeLast();
        assert removed == record : "undo out of order";
        if (queue.size == 0) byTimeout.remove(timeoutSeconds);
    }

    /** Forgets every entry, before a new generation's store is filled. */
    void clear() {
        byTimeout.clear();
    }

    /**
     * Hands {@code expire} each open pending transfer of {@code store} due at {@code nowNanos}, {@code max} of
     * them at most; entries of transfers no longer open are dropped on the way. Returns how many it expired.
     */
    int expireDue(TransferStore store, long nowNanos, int max, IntConsumer expire) {
        int expired = 0;
        Iterator<Queue> queues = byTimeout.values().iterator();
        while (queues.hasNext() && expired < max) {
            Queue queue = queues.next();
            while (queue.size > 0 && expired < max) {
                int record = queue.first();
                if (store.open(record)) {
                    if (store.expiresAt(record) > nowNanos) break;
                    expire.accept(record);
                    expired++;
                }
                queue.removeFirst();
            }
            if (queue.size == 0) queues.remove();
        }
        return expired;
    }
}
