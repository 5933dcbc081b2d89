package org.kiungo.ledger.embedded;

import java.util.Arrays;

/**
 * An account's transfers in one {@link TransferStore}, as record numbers in timestamp order: a growable array of
 * ints rather than a list of objects, for the same reason as the store.
 */
final class RecordList {
    private int[] records = new int[4];
    private int size;

    int size() {
        return size;
    }

    int get(int i) {
        return records[i];
    }

    void add(int record) {
        if (size == records.length) records = Arrays.copyOf(records, size * 2);
        records[size++] = record;
    }

    /** Removes the newest record, which must be {@code record}. */
    void removeLast(int record) {
        assert size > 0 && records[size - 1] == record : "undo out of order";
        size--;
    }

    /** Index of the first record with a timestamp above {@code cursor} in {@code store}. */
    int firstAfter(TransferStore store, long cursor) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (store.timestamp(records[middle]) <= cursor) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
