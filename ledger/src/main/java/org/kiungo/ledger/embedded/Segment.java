package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * the heap nothing. Layout: a header ({@code KLA1}, version, record count, index count, newest time-ordered id
 * millis), the records sorted by id ({@value #RECORD_BYTES} bytes: a transfer and its final pending state), then
 * the account index sorted by account and timestamp ({@value #INDEX_BYTES} bytes: account id, timestamp, record
 * number), two entries per transfer. A segment is written under a temporary name, made durable, then renamed, so
 * a file with its final name is always whole.
 */
final class Segment implements ArchivedTransfers {
    static final int RECORD_BYTES = EventCodec.TRANSFER_BYTES + 1;
    static final int INDEX_BYTES = 16 + 8 + 4;
    static final int HEADER_BYTES = 4 + 4 + 4 + 4 + 8;
    /** Most transfers in one segment, so that it maps as one buffer (below 2 GiB). */
    static final int TRANSFERS_MAX = (Integer.MAX_VALUE - HEADER_BYTES) / (RECORD_BYTES + 2 * INDEX_BYTES);
    private static final int MAGIC = 0x4B4C4131;
    private static final int VERSION = 1;
    private static final PendingState[] STATES = PendingState.values();

    /** A transfer to archive and, for a pending one, how it ended ({@code null} otherwise). */
    record Entry(Transfer transfer, PendingState state) {
    }

    private static final Comparator<UUID> ID_ORDER = Comparator.comparingLong(UUID::getMostSignificantBits)
            .thenComparingLong(UUID::getLeastSignificantBits);

    private final ByteBuffer map;
    private final int records;
    private final int indexEntries;
    private final long newestTimeOrderedMillis;

    private Segment(ByteBuffer map) throws IOException {
        this.map = map;
        if (map.capacity() < HEADER_BYTES || map.getInt(0) != MAGIC || map.getInt(4) != VERSION) {
            throw new IOException("not a Kiungo ledger archive segment (version " + VERSION + ")");
        }
        this.records = map.getInt(8);
        this.indexEntries = map.getInt(12);
        this.newestTimeOrderedMillis = map.getLong(16);
        if (map.capacity() != HEADER_BYTES + (long) records * RECORD_BYTES + (long) indexEntries * INDEX_BYTES) {
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

    /** Writes {@code entries} as a segment at {@code file}, durable (file and directory entry) before it returns. */
    static void write(Path file, List<Entry> entries) throws IOException {
        if (entries.size() > TRANSFERS_MAX) throw new IOException("segment of " + entries.size() + " transfers");
        List<Entry> byId = new ArrayList<>(entries);
        byId.sort(Comparator.comparing((Entry e) -> e.transfer().id(), ID_ORDER));
        long[][] index = accountIndex(byId);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer out = ByteBuffer.allocate(1 << 20);
            long newest = byId.stream().mapToLong(e -> Ids.timeOrderedMillis(e.transfer().id())).max().orElse(-1);
            out.putInt(MAGIC).putInt(VERSION).putInt(byId.size()).putInt(index.length).putLong(newest);
            for (Entry entry : byId) {
                if (out.remaining() < RECORD_BYTES) drain(channel, out);
                EventCodec.putTransfer(out, entry.transfer());
                out.put((byte) (entry.state() == null ? -1 : entry.state().ordinal()));
            }
            for (long[] item : index) {
                if (out.remaining() < INDEX_BYTES) drain(channel, out);
                out.putLong(item[0]).putLong(item[1]).putLong(item[2]).putInt((int) item[3]);
            }
            drain(channel, out);
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        Directories.force(file.getParent());
    }

    /** Two entries per transfer (debit and credit account): account, timestamp, record number, sorted. */
    private static long[][] accountIndex(List<Entry> byId) {
        long[][] index = new long[2 * byId.size()][];
        for (int i = 0; i < byId.size(); i++) {
            Transfer transfer = byId.get(i).transfer();
            UUID debit = transfer.debitAccountId();
            UUID credit = transfer.creditAccountId();
            index[2 * i] = new long[] {debit.getMostSignificantBits(), debit.getLeastSignificantBits(),
                    transfer.timestamp(), i};
            index[2 * i + 1] = new long[] {credit.getMostSignificantBits(), credit.getLeastSignificantBits(),
                    transfer.timestamp(), i};
        }
        java.util.Arrays.sort(index, (a, b) -> {
            int c = Long.compare(a[0], b[0]);
            if (c == 0) c = Long.compare(a[1], b[1]);
            return c != 0 ? c : Long.compare(a[2], b[2]);
        });
        return index;
    }

    private static void drain(FileChannel channel, ByteBuffer out) throws IOException {
        out.flip();
        while (out.hasRemaining()) channel.write(out);
        out.clear();
    }

    /**
     * Whether {@code id} may be here. A time-ordered id newer than every one archived here cannot be, which spares
     * the packet path, whose ids are all fresh and time-ordered, a search per transfer.
     */
    boolean mayHold(UUID id) {
        long millis = Ids.timeOrderedMillis(id);
        return millis < 0 || millis <= newestTimeOrderedMillis;
    }

    private int record(UUID id) {
        if (!mayHold(id)) return -1;
        int low = 0;
        int high = records - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int at = HEADER_BYTES + middle * RECORD_BYTES;
            int c = Long.compare(map.getLong(at), id.getMostSignificantBits());
            if (c == 0) c = Long.compare(map.getLong(at + 8), id.getLeastSignificantBits());
            if (c == 0) return middle;
            if (c < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
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
        long indexStart = HEADER_BYTES + (long) records * RECORD_BYTES;
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
            found.add(transferAt(map.getInt(at + 24)));
        }
        return found;
    }
}
