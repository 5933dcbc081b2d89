package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;

/**
 * An immutable file of archived transfers, memory-mapped and searched in place, so that archived transfers cost
 * the heap nothing. Layout: a header ({@code KLA1}, version, slot count, index count, newest time-ordered id
 * millis); a hash table of slots ({@value #RECORD_BYTES} bytes: a transfer and its final pending state; the zero
 * id, which no transfer has, marks an empty slot), found by the id's hash and linear probing, so a lookup reads one
 * or two slots; then the account index sorted by account and timestamp
 * ({@value #INDEX_BYTES} bytes: account id, timestamp, transfer id), two entries per transfer. A segment is written
 * under a temporary name, made durable, then renamed, so a file with its final name is always whole (see
 * {@link SegmentWriter}).
 */
final class Segment implements ArchivedTransfers {
    static final int RECORD_BYTES = EventCodec.TRANSFER_BYTES + 1;
    static final int INDEX_BYTES = 16 + 8 + 16;
    static final int HEADER_BYTES = 4 + 4 + 4 + 4 + 8;
    /** Most transfers in one segment, so that it maps as one buffer (below 2 GiB) at the lowest load factor. */
    static final int TRANSFERS_MAX = (Integer.MAX_VALUE - HEADER_BYTES) / (3 * RECORD_BYTES + 2 * INDEX_BYTES);
    static final int MAGIC = 0x4B4C4131;
    static final int VERSION = 1;
    private static final PendingState[] STATES = PendingState.values();

    /** The order of records and of accounts in the index: signed comparison of the two halves. */
    static final Comparator<UUID> ID_ORDER = (a, b) -> {
        int c = Long.compare(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compare(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private final ByteBuffer map;
    private final int slots;
    private final int indexEntries;
    private final long newestTimeOrderedMillis;

    private Segment(ByteBuffer map) throws IOException {
        this.map = map;
        if (map.capacity() < HEADER_BYTES || map.getInt(0) != MAGIC || map.getInt(4) != VERSION) {
            throw new IOException("not a Kiungo ledger archive segment (version " + VERSION + ")");
        }
        this.slots = map.getInt(8);
        this.indexEntries = map.getInt(12);
        this.newestTimeOrderedMillis = map.getLong(16);
        if (Integer.bitCount(slots) != 1
                || map.capacity() != HEADER_BYTES + (long) slots * RECORD_BYTES + (long) indexEntries * INDEX_BYTES) {
            throw new IOException("archive segment of " + map.capacity() + " bytes does not match its header");
        }
    }

    /** Maps the segment at {@code file}. */
    static Segment open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            try {
                return new Segment(map);
            } catch (IOException e) {
                throw new IOException(e.getMessage() + ": " + file, e);
            }
        }
    }

    static int home(long most, long least, int slots) {
        long mixed = (most ^ least) * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 33) & (slots - 1);
    }

    long newestTimeOrderedMillis() {
        return newestTimeOrderedMillis;
    }

    boolean mayHold(UUID id) {
        long millis = Ids.timeOrderedMillis(id);
        return millis < 0 || millis <= newestTimeOrderedMillis;
    }

    private int record(UUID id) {
        if (!mayHold(id)) return -1;
        long most = id.getMostSignificantBits();
        long least = id.getLeastSignificantBits();
        for (int slot = home(most, least, slots); ; slot = (slot + 1) & (slots - 1)) {
            int at = HEADER_BYTES + slot * RECORD_BYTES;
            long slotMost = map.getLong(at);
            long slotLeast = map.getLong(at + 8);
            if (slotMost == most && slotLeast == least) return slot;
            if (slotMost == 0 && slotLeast == 0) return -1;
        }
    }

    private Transfer transferAt(int record) {
        return EventCodec.getTransfer(map.slice(HEADER_BYTES + record * RECORD_BYTES, EventCodec.TRANSFER_BYTES));
    }

    @Override
    public Transfer find(UUID id) {
        int record = record(id);
        return record < 0 ? null : transferAt(record);
    }

    @Override
    public PendingState state(UUID id) {
        int record = record(id);
        if (record < 0) return null;
        byte state = map.get(HEADER_BYTES + record * RECORD_BYTES + EventCodec.TRANSFER_BYTES);
        return state < 0 ? null : STATES[state];
    }

    @Override
    public List<Transfer> after(UUID accountId, long cursor, int max) {
        long most = accountId.getMostSignificantBits();
        long least = accountId.getLeastSignificantBits();
        long indexStart = HEADER_BYTES + (long) slots * RECORD_BYTES;
        int low = 0;
        int high = indexEntries;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int at = (int) (indexStart + (long) middle * INDEX_BYTES);
            int c = Long.compare(map.getLong(at), most);
            if (c == 0) c = Long.compare(map.getLong(at + 8), least);
            if (c == 0) c = map.getLong(at + 16) <= cursor ? -1 : 1;
            if (c < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        List<Transfer> found = new ArrayList<>();
        for (int i = low; i < indexEntries && found.size() < max; i++) {
            int at = (int) (indexStart + (long) i * INDEX_BYTES);
            if (map.getLong(at) != most || map.getLong(at + 8) != least) break;
            found.add(find(new UUID(map.getLong(at + 24), map.getLong(at + 32))));
        }
        return found;
    }
}
