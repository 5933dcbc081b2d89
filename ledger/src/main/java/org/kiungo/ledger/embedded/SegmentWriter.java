package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.kiungo.ledger.PendingState;

/**
 * Writes a frozen generation's finished transfers as a {@link Segment}. The records are in timestamp order, the
 * segment wants them at hashed slots and, in its index, grouped by account: written one by one where they go,
 * each would touch a random place of tens of megabytes and wait on memory. So every pass reads the records in
 * order and writes through many sequential cursors instead: the records are first copied in the order of their
 * home slots (a counting sort on the slots' high bits), then inserted in that order, which fills the table from
 * start to end; the index entries go to one cursor per account.
 */
final class SegmentWriter {
    /** The table is sorted by the top {@value} bits of the home slot: enough cursors to spread, few to cache. */
    private static final int BUCKET_BITS = 10;

    private final TransferStore transfers;
    private final AccountRanks ranks;
    private final int[] buckets;
    /** Each record's debit and credit accounts' ranks, found once for counting and writing the index. */
    private final int[] accountRanks;
    private final int[] perAccount;
    private int finished;

    private SegmentWriter(TransferStore transfers, List<UUID> accounts) {
        this.transfers = transfers;
        this.ranks = new AccountRanks(accounts);
        this.buckets = new int[transfers.size()];
        this.accountRanks = new int[2 * transfers.size()];
        this.perAccount = new int[accounts.size() + 1];
    }

    /**
     * Writes the finished transfers of {@code transfers} (all but the open pending ones) as a segment at
     * {@code file}, durable (file and directory entry) before it returns; {@code accounts} are those its transfers
     * move, in {@link Segment#ID_ORDER}. The segment is built in {@code scratch}, or in a larger buffer that it
     * returns for the next segment: one reused off-heap buffer, rather than a fresh one or a mapping of a new
     * file, whose pages would each fault in.
     */
    static ByteBuffer write(Path file, TransferStore transfers, List<UUID> accounts, ByteBuffer scratch)
            throws IOException {
        return new SegmentWriter(transfers, accounts).write(file, scratch);
    }

    private ByteBuffer write(Path file, ByteBuffer scratch) throws IOException {
        int slots = count();
        int indexEntries = 2 * finished;
        int size = Segment.HEADER_BYTES + slots * Segment.RECORD_BYTES + indexEntries * Segment.INDEX_BYTES;
        ByteBuffer out = scratch.capacity() >= size ? scratch.clear() : ByteBuffer.allocateDirect(size);
        int indexStart = Segment.HEADER_BYTES + slots * Segment.RECORD_BYTES;
        for (int at = Segment.HEADER_BYTES; at < indexStart; at += Segment.RECORD_BYTES) {
            out.putLong(at, 0).putLong(at + 8, 0);
        }
        long newest = insert(out, slots, inHomeOrder(slots));
        writeIndex(out, indexStart);
        out.position(0).putInt(Segment.MAGIC).putInt(Segment.VERSION).putInt(slots).putInt(indexEntries)
                .putLong(newest);
        out.position(0).limit(size);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (out.hasRemaining()) channel.write(out);
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        Directories.force(file.getParent());
        return out;
    }

    /** Counts the finished transfers and each account's; notes each one's bucket; returns the table's slots. */
    private int count() throws IOException {
        for (int record = 0; record < transfers.size(); record++) {
            if (transfers.open(record)) continue;
            finished++;
            accountRanks[2 * record] = ranks.rank(transfers, record, TransferStore.DEBIT);
            accountRanks[2 * record + 1] = ranks.rank(transfers, record, TransferStore.CREDIT);
            perAccount[accountRanks[2 * record] + 1]++;
            perAccount[accountRanks[2 * record + 1] + 1]++;
        }
        if (finished > Segment.TRANSFERS_MAX) throw new IOException("segment of " + finished + " transfers");
        int slots = Integer.highestOneBit(Math.max(1, finished * 3 / 2)) << 1;
        int shift = Math.max(0, Integer.numberOfTrailingZeros(slots) - BUCKET_BITS);
        for (int record = 0; record < transfers.size(); record++) {
            buckets[record] = transfers.open(record) ? -1 : Segment.home(transfers.idMost(record),
                    transfers.idLeast(record), slots) >>> shift;
        }
        return slots;
    }

    /** The finished records, copied in the order of their home slots. */
    private long[] inHomeOrder(int slots) {
        int[] starts = new int[(1 << BUCKET_BITS) + 1];
        for (int bucket : buckets) {
            if (bucket >= 0) starts[bucket + 1]++;
        }
        for (int i = 1; i < starts.length; i++) starts[i] += starts[i - 1];
        long[] sorted = new long[finished * TransferStore.LONGS];
        for (int record = 0; record < buckets.length; record++) {
            if (buckets[record] >= 0) transfers.copyTo(record, sorted, starts[buckets[record]]++);
        }
        return sorted;
    }

    /** Inserts the sorted records into the table by linear probing; returns the newest time-ordered id's time. */
    private long insert(ByteBuffer out, int slots, long[] sorted) {
        long newest = -1;
        for (int record = 0; record < finished; record++) {
            long most = sorted[record * TransferStore.LONGS];
            long least = sorted[record * TransferStore.LONGS + 1];
            newest = Math.max(newest, TransferStore.timeOrderedMillis(most, least));
            int slot = Segment.home(most, least, slots);
            while (out.getLong(at(slot)) != 0 || out.getLong(at(slot) + 8) != 0) slot = (slot + 1) & (slots - 1);
            TransferStore.putTransfer(sorted, record, out, at(slot));
            PendingState state = TransferStore.state(sorted, record);
            out.put(at(slot) + EventCodec.TRANSFER_BYTES, (byte) (state == null ? -1 : state.ordinal()));
        }
        return newest;
    }

    private static int at(int slot) {
        return Segment.HEADER_BYTES + slot * Segment.RECORD_BYTES;
    }

    /** The index: each account's transfers in timestamp order, accounts in id order, two entries a transfer. */
    private void writeIndex(ByteBuffer out, int indexStart) {
        for (int i = 1; i < perAccount.length; i++) perAccount[i] += perAccount[i - 1];
        for (int record = 0; record < transfers.size(); record++) {
            if (buckets[record] < 0) continue;
            putEntry(out, indexStart, record, TransferStore.DEBIT, accountRanks[2 * record]);
            putEntry(out, indexStart, record, TransferStore.CREDIT, accountRanks[2 * record + 1]);
        }
    }

    private void putEntry(ByteBuffer out, int indexStart, int record, int account, int rank) {
        int at = indexStart + perAccount[rank]++ * Segment.INDEX_BYTES;
        out.putLong(at, transfers.field(record, account)).putLong(at + 8, transfers.field(record, account + 1))
                .putLong(at + 16, transfers.field(record, TransferStore.TIMESTAMP))
                .putLong(at + 24, transfers.idMost(record)).putLong(at + 32, transfers.idLeast(record));
    }

    /** Each account's place in id order, found by its two longs without making a {@link UUID}. */
    private static final class AccountRanks {
        private final long[] keys;
        private final int[] ranks;
        private final int mask;

        AccountRanks(List<UUID> accounts) {
            int slots = Integer.highestOneBit(Math.max(1, accounts.size())) << 2;
            keys = new long[2 * slots];
            ranks = new int[slots];
            mask = slots - 1;
            for (int rank = 0; rank < accounts.size(); rank++) {
                UUID id = accounts.get(rank);
                int slot = slot(id.getMostSignificantBits(), id.getLeastSignificantBits());
                keys[2 * slot] = id.getMostSignificantBits();
                keys[2 * slot + 1] = id.getLeastSignificantBits();
                ranks[slot] = rank;
            }
        }

        /** The slot of the account, or the empty slot where it goes: account ids are never zero. */
        private int slot(long most, long least) {
            int slot = (int) (((most ^ least) * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while ((keys[2 * slot] != 0 || keys[2 * slot + 1] != 0)
                    && (keys[2 * slot] != most || keys[2 * slot + 1] != least)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** The rank of the account at {@code field} (debit or credit) of {@code record}. */
        int rank(TransferStore transfers, int record, int field) {
            return ranks[slot(transfers.field(record, field), transfers.field(record, field + 1))];
        }
    }
}
