package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bounds memory and recovery time. When the current journal reaches {@code generationBytesMax}, the writer closes
 * the generation: finished transfers leave the live state for a {@link FrozenGeneration}, a new journal begins,
 * and a background thread writes the generation's archive segment, then the snapshot of the live state at the
 * switch, then deletes the journals and snapshots the new snapshot replaces. Until the segment is written, the
 * frozen generation answers from memory; a crash at any step leaves files from which {@link LedgerFiles#tidy} and
 * recovery rebuild exactly the acknowledged state (see the package documentation). At most one compaction runs:
 * the writer waits for the previous one before closing another generation, which bounds memory to about two
 * generations whatever the disk's speed.
 */
final class Generations {
    /**
     * Journal bytes after which a generation closes by default: about 160,000 transfers. Live transfers are Java
     * objects that the garbage collector copies for as long as they live, so a generation is kept small; its
     * segment is then about 40 MB on disk.
     */
    static final long GENERATION_BYTES_DEFAULT = 16L << 20;

    private final LedgerFiles files;
    private final long generationBytesMax;
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(
            task -> Thread.ofPlatform().name("ledger-compactor").daemon().unstarted(task));
    private Future<Segment> compaction;
    /** The compactor's buffer for building segments, kept from one to the next. */
    private ByteBuffer scratch = ByteBuffer.allocateDirect(0);
    private Journal journal;
    private long generation;

    Generations(LedgerFiles files, long generationBytesMax, long generation, Journal journal) {
        this.files = files;
        this.generationBytesMax = generationBytesMax;
        this.generation = generation;
        this.journal = journal;
    }

    Journal journal() {
        return journal;
    }

    /** Whether the current journal is full and the generation should close after this batch. */
    boolean due() {
        return journal.size() >= generationBytesMax;
    }

    /** Hands a finished compaction's segment to the archive; rethrows a compaction's failure. */
    void poll(LedgerState state) throws IOException, InterruptedException {
        if (compaction != null && compaction.isDone()) install(state);
    }

    private void install(LedgerState state) throws IOException, InterruptedException {
        try {
            state.archive.installed(compaction.get());
            compaction = null;
        } catch (ExecutionException e) {
            throw new IOException("ledger compaction failed", e.getCause());
        }
    }

    /** Closes the current generation at a frame boundary and starts the next journal, which it returns. */
    Journal next(LedgerState state) throws IOException, InterruptedException {
        if (compaction != null) install(state);
        long closing = generation;
        Journal fresh = Journal.create(files.journal(closing + 1));
        FrozenGeneration frozen = state.freeze();
        LedgerState.Image image = state.image();
        compaction = compactor.submit(() -> compact(closing, frozen, image));
        generation = closing + 1;
        journal = fresh;
        return fresh;
    }

    private Segment compact(long closing, FrozenGeneration frozen, LedgerState.Image image) throws IOException {
        scratch = SegmentWriter.write(files.archive(closing), frozen.transfers(), frozen.accounts(), scratch);
        Snapshot.write(files.snapshot(closing + 1), image);
        files.dropBefore(closing + 1);
        return Segment.open(files.archive(closing));
    }

    /** Lets a compaction in flight finish, then stops the compactor thread. */
    void finish(LedgerState state) throws IOException, InterruptedException {
        try {
            if (compaction != null) install(state);
        } finally {
            compactor.shutdown();
        }
    }
}
