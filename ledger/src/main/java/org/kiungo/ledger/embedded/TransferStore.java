package org.kiungo.ledger.embedded;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferFlags;

/**
 * The transfers of one generation in primitive arrays: records appended in the order they were applied (which is
 * timestamp order), found by id through an open-addressing index. A generation holds some 160,000 transfers for
 * a second or two; as objects (a transfer, its ids, map nodes) the garbage collector copied each of them several
 * times before they left, which cost more CPU than applying them. Here they are a few large arrays of longs,
 * which it never scans, and a lookup reads one index slot and one record instead of chasing three objects.
 *
 * <p>A record is {@value #LONGS} longs: id, debit account, credit account and pending id (two longs each), amount,
 * ledger and code, flags and the pending state, timeout, timestamp. The pending state is kept for pending
 * transfers only ({@code null} for the others), so one lookup answers both the transfer and its state. Records
 * are removed only newest first, when a linked chain is rolled back. Owned by one thread at a time: the writer,
 * then, once the generation is frozen and no longer changed, read by both the writer and the compactor.
 */
final class TransferStore {
    static final int LONGS = 13;
    /** Where fields start in a record. */
    static final int DEBIT = 2;
    static final int CREDIT = 4;
    private static final int AMOUNT = 8;
    private static final int LEDGER_CODE = 9;
    private static final int FLAGS_STATE = 10;
    private static final int TIMEOUT = 11;
    static final int TIMESTAMP = 12;
    /** Most records, so that the array of records stays addressable by an int. */
    static final int RECORDS_MAX = Integer.MAX_VALUE / LONGS - 1;
    private static final PendingState[] STATES = PendingState.values();
    private static final long MIX = 0x9E3779B97F4A7C15L;

    private long[] records;
    private int size;
    /** Index slots: the id's hash in the high half (its low bits are the home slot), record + 1 in the low half. */
    private long[] slots;
    private int mask;
    /**
     * The newest time in the time-ordered ids added (not lowered when a record is removed, so still a bound): an
     * id newer than it is not here, which answers without a read the existence check of every fresh packet id.
     */
    private long newestTimeOrderedMillis = -1;
    /** Where {@link #warm} leaves what it read, so that the reads are not optimized away. */
    @SuppressWarnings("unused")
    private long warmth;

    /** A store sized for {@code expected} transfers, so that it rarely grows. */
    TransferStore(int expected) {
        int capacity = Math.min(RECORDS_MAX, Math.max(16, expected));
        records = new long[capacity * LONGS];
        slots = new long[Integer.highestOneBit(capacity) << 2];
        mask = slots.length - 1;
    }

    int size() {
        return size;
    }

    private static int hash(long most, long least) {
        return (int) (((most ^ least) * MIX) >>> 32);
    }

    /** The record of transfer {@code id}, or -1. */
    int find(UUID id) {
        return find(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    int find(long most, long least) {
        long millis = timeOrderedMillis(most, least);
        if (millis >= 0 && millis > newestTimeOrderedMillis) return -1;
        int hash = hash(most, least);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == 0) return -1;
            if ((int) (entry >>> 32) == hash) {
                int record = (int) entry - 1;
                int at = record * LONGS;
                if (records[at] == most && records[at + 1] == least) return record;
            }
        }
    }

    /**
     * Reads the index slots the next {@code count} transfers of {@code batch} from {@code from} will use (their
     * own id's, and a post's or void's pending transfer's with its record), and returns where it stopped. A lookup
     * by a random id misses the cache; one after another, each waits for memory in turn, while these reads,
     * independent of each other, overlap, and leave the lines cached for the lookups that follow.
     */
    int warm(List<Transfer> batch, int from, int count) {
        int to = Math.min(batch.size(), from + count);
        long touched = 0;
        for (int i = from; i < to; i++) {
            Transfer transfer = batch.get(i);
            touched += slots[hash(transfer.id().getMostSignificantBits(), transfer.id().getLeastSignificantBits())
                    & mask];
        }
        for (int i = from; i < to; i++) {
            UUID pendingId = batch.get(i).pendingId();
            if (pendingId.getMostSignificantBits() != 0 || pendingId.getLeastSignificantBits() != 0) {
                int record = find(pendingId);
                if (record >= 0) touched += records[record * LONGS + AMOUNT];
            }
        }
        warmth = touched;
        return to;
    }

    /** Appends {@code transfer}, whose id is not in the store, with pending state {@code state}; returns its record. */
    int add(Transfer transfer, PendingState state) {
        makeRoom();
        int record = size++;
        int at = record * LONGS;
        put(at, transfer.id());
        put(at + 2, transfer.debitAccountId());
        put(at + 4, transfer.creditAccountId());
        put(at + 6, transfer.pendingId());
        records[at + AMOUNT] = transfer.amount();
        records[at + LEDGER_CODE] = ((long) transfer.ledger() << 32) | (transfer.code() & 0xFFFF_FFFFL);
        records[at + FLAGS_STATE] = transfer.flags().bits() & 0xFFFF_FFFFL;
        records[at + TIMEOUT] = transfer.timeoutSeconds();
        records[at + TIMESTAMP] = transfer.timestamp();
        setState(record, state);
        index(record);
        return record;
    }

    /** Appends a copy of {@code record} of {@code other}, keeping its state; returns the new record. */
    int copy(TransferStore other, int record) {
        makeRoom();
        System.arraycopy(other.records, record * LONGS, records, size * LONGS, LONGS);
        index(size);
        return size++;
    }

    private void makeRoom() {
        if (size == RECORDS_MAX) throw new IllegalStateException("a generation holds " + size + " transfers at most");
        if ((size + 1) * LONGS > records.length) {
            records = Arrays.copyOf(records, (int) Math.min((long) records.length * 2, (long) RECORDS_MAX * LONGS));
        }
        if ((size + 1) * 2 > slots.length) rehash(slots.length * 2);
    }

    private void put(int at, UUID id) {
        records[at] = id.getMostSignificantBits();
        records[at + 1] = id.getLeastSignificantBits();
    }

    /** As {@link Ids#timeOrderedMillis}, from the two halves of an id. */
    static long timeOrderedMillis(long most, long least) {
        return ((most >>> 12) & 0xF) == 7 && (least >>> 62) == 2 ? most >>> 16 : -1;
    }

    long newestTimeOrderedMillis() {
        return newestTimeOrderedMillis;
    }

    private void index(int record) {
        long most = records[record * LONGS];
        long least = records[record * LONGS + 1];
        newestTimeOrderedMillis = Math.max(newestTimeOrderedMillis, timeOrderedMillis(most, least));
        int hash = hash(most, least);
        int slot = hash & mask;
        while (slots[slot] != 0) slot = (slot + 1) & mask;
        slots[slot] = ((long) hash << 32) | (record + 1L);
    }

    private void rehash(int slotCount) {
        slots = new long[slotCount];
        mask = slotCount - 1;
        for (int record = 0; record < size; record++) index(record);
    }

    /** Removes the newest record, which must be {@code record}. */
    void removeLast(int record) {
        assert record == size - 1 : "records are removed newest first";
        int hole = (hash(records[record * LONGS], records[record * LONGS + 1])) & mask;
        while ((int) slots[hole] != record + 1) hole = (hole + 1) & mask;
        // Backward-shift deletion: pulls later entries of the probe run into the hole, so no tombstone is needed.
        for (int slot = (hole + 1) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int home = (int) (slots[slot] >>> 32) & mask;
            boolean stays = slot > hole ? home > hole && home <= slot : home > hole || home <= slot;
            if (!stays) {
                slots[hole] = slots[slot];
                hole = slot;
            }
        }
        slots[hole] = 0;
        Arrays.fill(records, record * LONGS, (record + 1) * LONGS, 0);
        size--;
    }

    /** The pending state of a pending transfer, {@code null} for the others. */
    PendingState state(int record) {
        return state(records, record);
    }

    static PendingState state(long[] records, int record) {
        int state = (int) (records[record * LONGS + FLAGS_STATE] >>> 32);
        return state == 0 ? null : STATES[state - 1];
    }

    /** Long {@code field} of {@code record}: the fields' offsets are the constants above, ids in two longs. */
    long field(int record, int field) {
        return records[record * LONGS + field];
    }

    /** Copies {@code record} to record {@code at} of {@code into}, an array of records as this store holds them. */
    void copyTo(int record, long[] into, int at) {
        System.arraycopy(records, record * LONGS, into, at * LONGS, LONGS);
    }

    void setState(int record, PendingState state) {
        int at = record * LONGS + FLAGS_STATE;
        records[at] = (records[at] & 0xFFFF_FFFFL) | ((long) (state == null ? 0 : state.ordinal() + 1) << 32);
    }

    /** Whether the record is a pending transfer still open. */
    boolean open(int record) {
        return state(record) == PendingState.PENDING;
    }

    long amount(int record) {
        return records[record * LONGS + AMOUNT];
    }

    long timestamp(int record) {
        return records[record * LONGS + TIMESTAMP];
    }

    long timeoutSeconds(int record) {
        return records[record * LONGS + TIMEOUT];
    }

    /** When the pending transfer of {@code record} expires, or {@link Long#MAX_VALUE} if never. */
    long expiresAt(int record) {
        long timeout = timeoutSeconds(record);
        return timeout == 0 ? Long.MAX_VALUE : timestamp(record) + timeout * LedgerState.NANOS_PER_SECOND;
    }

    UUID id(int record) {
        return new UUID(records[record * LONGS], records[record * LONGS + 1]);
    }

    long idMost(int record) {
        return records[record * LONGS];
    }

    long idLeast(int record) {
        return records[record * LONGS + 1];
    }

    Transfer transfer(int record) {
        int at = record * LONGS;
        long ledgerCode = records[at + LEDGER_CODE];
        return new Transfer(uuid(at), uuid(at + 2), uuid(at + 4), records[at + AMOUNT], uuid(at + 6),
                (int) (ledgerCode >>> 32), (int) ledgerCode, new TransferFlags((int) records[at + FLAGS_STATE]),
                records[at + TIMEOUT], records[at + TIMESTAMP]);
    }

    private UUID uuid(int at) {
        long most = records[at];
        long least = records[at + 1];
        return most == 0 && least == 0 ? Ids.ZERO : new UUID(most, least);
    }

    /** Writes the transfer of {@code record} at {@code at} in {@code out}, as {@link EventCodec#putTransfer} does. */
    static void putTransfer(long[] records, int record, ByteBuffer out, int at) {
        int from = record * LONGS;
        for (int i = 0; i < AMOUNT + 1; i++) out.putLong(at + 8 * i, records[from + i]);
        long ledgerCode = records[from + LEDGER_CODE];
        out.putInt(at + 72, (int) (ledgerCode >>> 32)).putInt(at + 76, (int) ledgerCode)
                .putInt(at + 80, (int) records[from + FLAGS_STATE]).putLong(at + 84, records[from + TIMEOUT])
                .putLong(at + 92, records[from + TIMESTAMP]);
    }
}
