package org.kiungo.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kiungo.ledger.CreateTransferResult.OK;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.Ids;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;
import org.kiungo.ledger.PendingState;
import org.kiungo.ledger.CreateTransferResult;
import org.kiungo.ledger.Transfer;
import org.kiungo.ledger.TransferFlags;
import org.kiungo.ledger.TransferPage;

class EmbeddedLedgerTest extends LedgerContractTest {
    /** About 40 transfers per generation, for the tests of compaction. */
    private static final long SMALL_GENERATION_BYTES = 4096;

    @TempDir
    Path directory;

    private long generationBytesMax = EmbeddedLedger.GENERATION_BYTES_DEFAULT;

    @Override
    protected Ledger newLedger() {
        return EmbeddedLedger.open(directory, clock, generationBytesMax);
    }

    private void restart() {
        ledger.close();
        ledger = newLedger();
    }

    @Test
    void shouldRecoverAccountsTransfersAndPendingStatesAfterARestart() {
        UUID peer = funded(100);
        UUID sink = unlimited();
        Transfer posted = pending(peer, sink, 10, 30);
        Transfer voided = pending(peer, sink, 20, 30);
        Transfer expiring = pending(peer, sink, 30, 5);
        Transfer open = pending(peer, sink, 40, 3600);
        assertThat(create(posted, voided, expiring, open, Transfer.post(Ids.random(), posted.id(), 4),
                Transfer.voidPending(Ids.random(), voided.id()))).containsOnly(OK);
        clock.advance(Duration.ofSeconds(6));
        assertBalances(peer, 40, 4, 0, 100);
        restart();
        assertBalances(peer, 40, 4, 0, 100);
        assertBalances(sink, 0, 0, 40, 4);
        assertThat(ledger.pendingState(expiring.id())).contains(PendingState.EXPIRED);
        assertThat(ledger.pendingState(voided.id())).contains(PendingState.VOIDED);
        assertThat(create(Transfer.post(Ids.random(), open.id(), 0))).isEqualTo(OK);
        assertThat(create(posted)).isEqualTo(org.kiungo.ledger.CreateTransferResult.EXISTS);
    }

    @Test
    void shouldExpireAPendingWithdrawalWhoseTimeoutPassedWhileTheNodeWasDown() {
        UUID peer = funded(100);
        UUID settlement = unlimited();
        Transfer withdrawal = pending(peer, settlement, 70, 60);
        assertThat(create(withdrawal)).isEqualTo(OK);
        ledger.close();
        clock.advance(Duration.ofMinutes(5));
        ledger = newLedger();
        assertBalances(peer, 0, 0, 0, 100);
        assertThat(ledger.pendingState(withdrawal.id())).contains(PendingState.EXPIRED);
    }

    @Test
    void shouldExpireOnlyWhatIsStillOpenAfterPostsRollbacksAndGenerationSwitches() {
        generationBytesMax = SMALL_GENERATION_BYTES;
        restart();
        UUID peer = funded(1_000);
        UUID sink = unlimited();
        Transfer posted = pending(peer, sink, 10, 5);
        Transfer expiring = pending(peer, sink, 20, 5);
        assertThat(create(posted, expiring)).containsOnly(OK);
        assertThat(create(Transfer.post(Ids.random(), posted.id(), 0))).isEqualTo(OK);
        // A chain whose reservation is taken back when the transfer after it fails.
        Transfer rolledBack = pending(peer, sink, 30, 5).linked();
        assertThat(create(rolledBack, pending(peer, sink, 10_000, 5))).containsExactly(
                CreateTransferResult.LINKED_EVENT_FAILED, CreateTransferResult.EXCEEDS_CREDITS);
        for (int call = 0; call < 10; call++) {
            List<Transfer> filler = new ArrayList<>();
            for (int i = 0; i < 10; i++) filler.add(posted(peer, sink, 1));
            assertThat(create(filler.toArray(Transfer[]::new))).containsOnly(OK);
        }
        Transfer later = pending(peer, sink, 40, 10);
        assertThat(create(later)).isEqualTo(OK);
        clock.advance(Duration.ofSeconds(6));
        assertBalances(peer, 40, 110, 0, 1_000);
        assertThat(ledger.pendingState(expiring.id())).contains(PendingState.EXPIRED);
        assertThat(ledger.pendingState(posted.id())).contains(PendingState.POSTED);
        assertThat(ledger.pendingState(rolledBack.id())).isEmpty();
        assertThat(ledger.pendingState(later.id())).contains(PendingState.PENDING);
        clock.advance(Duration.ofSeconds(5));
        assertBalances(peer, 0, 110, 0, 1_000);
        restart();
        assertBalances(peer, 0, 110, 0, 1_000);
        assertThat(ledger.pendingState(later.id())).contains(PendingState.EXPIRED);
        assertThat(ledger.pendingState(posted.id())).contains(PendingState.POSTED);
    }

    @Test
    void shouldStopRecoveryAtATornFrameAndKeepWorkingAfterIt() throws IOException {
        UUID a = unlimited();
        UUID b = unlimited();
        assertThat(create(posted(a, b, 5))).isEqualTo(OK);
        ledger.close();
        Path journal = directory.resolve(EmbeddedLedger.JOURNAL_FILE);
        long intact = Files.size(journal);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            // A frame header announcing 500 bytes, followed by only 3: a write cut short by a crash.
            channel.write(ByteBuffer.allocate(11).putInt(500).putInt(1234).put(new byte[3]).flip());
        }
        ledger = newLedger();
        assertThat(Files.size(journal)).isEqualTo(intact);
        assertBalances(b, 0, 0, 0, 5);
        assertThat(create(posted(a, b, 6))).isEqualTo(OK);
        restart();
        assertBalances(b, 0, 0, 0, 11);
    }

    @Test
    void shouldIgnoreAFrameWhoseChecksumDoesNotMatch() throws IOException {
        UUID a = unlimited();
        UUID b = unlimited();
        assertThat(create(posted(a, b, 5))).isEqualTo(OK);
        ledger.close();
        Path journal = directory.resolve(EmbeddedLedger.JOURNAL_FILE);
        long size = Files.size(journal);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            // Flip a byte inside the last frame, which holds the transfer.
            channel.write(ByteBuffer.wrap(new byte[] {0x55}), size - 10);
        }
        ledger = newLedger();
        assertBalances(b, 0, 0, 0, 0);
        assertThat(ledger.lookupAccount(a)).isPresent();
    }

    @Test
    void shouldRefuseADirectoryThatHoldsSomethingElse() throws IOException {
        ledger.close();
        Path other = Files.createDirectories(directory.resolve("other"));
        Files.write(other.resolve(EmbeddedLedger.JOURNAL_FILE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedLedger.open(other, clock))
                .isInstanceOf(UncheckedIOException.class);
        ledger = newLedger();
    }

    @Test
    void shouldFindEveryTransferAndExactBalancesAfterCompactionsAndARestart() throws IOException {
        generationBytesMax = SMALL_GENERATION_BYTES;
        restart();
        UUID peer = funded(1_000_000);
        UUID sink = unlimited();
        Transfer held = pending(peer, sink, 7, 3600);
        Transfer expiring = pending(peer, sink, 11, 5);
        assertThat(create(held, expiring)).containsOnly(OK);
        List<Transfer> pendings = new ArrayList<>();
        List<Transfer> settlings = new ArrayList<>();
        long posted = 0;
        for (int i = 1; i <= 300; i++) {
            // Client-chosen random ids are searched in every segment; time-ordered ones skip newer segments.
            UUID id = i % 2 == 0 ? UUID.randomUUID() : Ids.random();
            Transfer reservation = new Transfer(id, peer, sink, i, Ids.ZERO, USD, CODE, TransferFlags.PENDING, 30, 0);
            Transfer settling = i % 3 == 0 ? Transfer.voidPending(Ids.random(), id)
                    : Transfer.post(Ids.random(), id, 0);
            posted += i % 3 == 0 ? i : 2L * i;
            assertThat(create(reservation, settling, posted(peer, sink, i))).containsOnly(OK);
            pendings.add(reservation);
            settlings.add(settling);
        }
        clock.advance(Duration.ofSeconds(6));
        assertThat(create(Transfer.post(Ids.random(), held.id(), 0))).isEqualTo(OK);
        restart();
        EmbeddedLedger embedded = (EmbeddedLedger) ledger;
        assertThat(embedded.liveTransfers()).isLessThan(100);
        assertThat(Files.list(directory).filter(f -> f.toString().endsWith(".kla")).count()).isGreaterThan(10);
        assertThat(Files.list(directory).filter(f -> f.toString().endsWith(".klj")).count()).isLessThanOrEqualTo(2);
        assertBalances(peer, 0, posted + 7, 0, 1_000_000);
        assertBalances(sink, 0, 0, 0, posted + 7);
        List<UUID> ids = new ArrayList<>(pendings.stream().map(Transfer::id).toList());
        settlings.forEach(t -> ids.add(t.id()));
        assertThat(ledger.lookupTransfers(ids)).extracting(Transfer::id).containsExactlyElementsOf(ids);
        assertThat(ledger.pendingState(expiring.id())).contains(PendingState.EXPIRED);
        assertThat(ledger.pendingState(pendings.get(0).id())).contains(PendingState.POSTED);
        assertThat(ledger.pendingState(pendings.get(2).id())).contains(PendingState.VOIDED);
        assertThat(create(pendings.get(1))).isEqualTo(CreateTransferResult.EXISTS);
        assertThat(create(settlings.get(0))).isEqualTo(CreateTransferResult.EXISTS);
        assertThat(create(Transfer.post(Ids.random(), pendings.get(0).id(), 0)))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(create(Transfer.voidPending(Ids.random(), expiring.id())))
                .isEqualTo(CreateTransferResult.PENDING_TRANSFER_EXPIRED);
        assertEveryTransferPagedOnce(sink, 3 + 300 * 3);
    }

    private void assertEveryTransferPagedOnce(UUID account, int count) {
        List<Transfer> paged = new ArrayList<>();
        long cursor = TransferPage.FIRST;
        for (boolean more = true; more; ) {
            TransferPage page = ledger.accountTransfers(account, cursor, 7);
            paged.addAll(page.transfers());
            cursor = page.nextCursor();
            more = page.hasMore();
        }
        assertThat(paged).hasSize(count);
        assertThat(paged).extracting(Transfer::timestamp).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldRefuseWorkAfterClose() {
        ledger.close();
        assertThat(ledger.createTransfer(posted(Ids.random(), Ids.random(), 1))).isCompletedExceptionally();
        ledger = newLedger();
    }
}
