package org.kiungo.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferFlags;

class TransferStoreTest {
    private final Random random = new Random(42);
    private final List<UUID> accounts = List.of(Ids.random(), Ids.random(), Ids.random(), Ids.random());

    /** Time-ordered ids of several milliseconds, older and newer than the newest stored, and random ones. */
    private UUID id() {
        return switch (random.nextInt(3)) {
            case 0 -> Ids.random();
            case 1 -> new UUID((random.nextInt(4) + 1_700_000_000_000L) << 16 | 0x7000L | random.nextInt(0x1000),
                    random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L);
            default -> UUID.randomUUID();
        };
    }

    private Transfer transfer(long timestamp) {
        UUID debit = accounts.get(random.nextInt(accounts.size()));
        UUID credit = accounts.get((accounts.indexOf(debit) + 1 + random.nextInt(3)) % accounts.size());
        boolean pending = random.nextBoolean();
        return new Transfer(id(), debit, credit, random.nextLong(), pending ? Ids.ZERO : id(), random.nextInt(),
                random.nextInt(), pending ? TransferFlags.PENDING : TransferFlags.POST_PENDING,
                pending ? random.nextInt(100) : 0, timestamp);
    }

    @Test
    void shouldFindWhatWasAddedAndForgetWhatWasRemovedNewestFirstAcrossGrowth() {
        TransferStore store = new TransferStore(0);
        List<Transfer> added = new ArrayList<>();
        Map<UUID, PendingState> states = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            if (!added.isEmpty() && random.nextInt(4) == 0) {
                Transfer last = added.remove(added.size() - 1);
                store.removeLast(added.size());
                states.remove(last.id());
            } else {
                Transfer transfer = transfer(step);
                PendingState state = transfer.flags().pending() ? PendingState.values()[random.nextInt(4)] : null;
                assertThat(store.add(transfer, state)).isEqualTo(added.size());
                added.add(transfer);
                states.put(transfer.id(), state);
            }
        }
        assertThat(store.size()).isEqualTo(added.size());
        for (int record = 0; record < added.size(); record++) {
            Transfer transfer = added.get(record);
            assertThat(store.find(transfer.id())).isEqualTo(record);
            assertThat(store.transfer(record)).isEqualTo(transfer);
            assertThat(store.state(record)).isEqualTo(states.get(transfer.id()));
        }
        for (int i = 0; i < 1_000; i++) {
            UUID absent = id();
            if (!states.containsKey(absent)) assertThat(store.find(absent)).isEqualTo(-1);
        }
    }

    @Test
    void shouldWriteATransferAsTheJournalEncodesIt() {
        TransferStore store = new TransferStore(1);
        Transfer transfer = transfer(123_456_789L);
        store.add(transfer, PendingState.POSTED);
        ByteBuffer fromStore = ByteBuffer.allocate(EventCodec.TRANSFER_BYTES);
        TransferStore.putTransfer(storeRecords(store), 0, fromStore, 0);
        ByteBuffer fromCodec = EventCodec.putTransfer(ByteBuffer.allocate(EventCodec.TRANSFER_BYTES), transfer);
        assertThat(fromStore.array()).isEqualTo(fromCodec.array());
    }

    private static long[] storeRecords(TransferStore store) {
        long[] records = new long[store.size() * TransferStore.LONGS];
        for (int record = 0; record < store.size(); record++) store.copyTo(record, records, record);
        return records;
    }

    @Test
    void shouldWriteASegmentThatAnswersForEveryFinishedTransferAndNoOpenOne(@TempDir Path directory)
            throws Exception {
        TransferStore store = new TransferStore(0);
        Map<UUID, List<Transfer>> byAccount = new HashMap<>();
        List<Transfer> finished = new ArrayList<>();
        List<Transfer> open = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Transfer transfer = transfer(1_000 + i);
            boolean stillOpen = transfer.flags().pending() && random.nextInt(5) == 0;
            store.add(transfer, transfer.flags().pending() ? (stillOpen ? PendingState.PENDING : PendingState.EXPIRED)
                    : null);
            (stillOpen ? open : finished).add(transfer);
            if (stillOpen) continue;
            byAccount.computeIfAbsent(transfer.debitAccountId(), a -> new ArrayList<>()).add(transfer);
            byAccount.computeIfAbsent(transfer.creditAccountId(), a -> new ArrayList<>()).add(transfer);
        }
        List<UUID> sorted = new ArrayList<>(accounts);
        sorted.sort(Segment.ID_ORDER);
        Path file = directory.resolve("archive-0.kla");
        SegmentWriter.write(file, store, sorted, ByteBuffer.allocateDirect(0));
        Segment segment = Segment.open(file);
        for (Transfer transfer : finished) {
            assertThat(segment.find(transfer.id())).isEqualTo(transfer);
            assertThat(segment.state(transfer.id()))
                    .isEqualTo(transfer.flags().pending() ? PendingState.EXPIRED : null);
        }
        for (Transfer transfer : open) assertThat(segment.find(transfer.id())).isNull();
        for (UUID account : accounts) {
            List<Transfer> expected = byAccount.getOrDefault(account, List.of());
            assertThat(segment.after(account, 0, Integer.MAX_VALUE)).isEqualTo(expected);
            if (expected.size() > 10) {
                long cursor = expected.get(9).timestamp();
                assertThat(segment.after(account, cursor, 3)).isEqualTo(expected.subList(10, 13));
            }
        }
    }
}
