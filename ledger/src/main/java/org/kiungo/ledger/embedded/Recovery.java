package org.kiungo.ledger.embedded;

import java.io.IOException;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the live state on open: the newest snapshot, then every journal from its generation on, replayed
 * through the same {@code apply} methods used live; the archive segments before it are mapped, not read. Only the
 * newest journal may end with a torn or corrupt frame, which is cut off: an older one was made durable whole
 * before the next began, so damage there is refused rather than skipped.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    static Generations recover(LedgerFiles files, LedgerState state, long generationBytesMax) throws IOException {
        long started = System.nanoTime();
        long snapshot = files.tidy();
        if (snapshot > 0) Snapshot.read(files.snapshot(snapshot), state);
        for (long g : files.generations("archive")) {
            state.archive.add(Segment.open(files.archive(g)));
        }
        TreeSet<Long> journals = files.generations("journal");
        if (journals.isEmpty()) {
            return new Generations(files, generationBytesMax, snapshot, Journal.create(files.journal(snapshot)));
        }
        Journal.ReadResult read = null;
        long frames = 0;
        for (long g : journals) {
            read = Journal.read(files.journal(g), state::apply);
            frames += read.frames();
            if (read.torn() && g != journals.last()) {
                throw new IOException("ledger journal " + files.journal(g) + " is corrupt after byte "
                        + read.validBytes() + " although a later journal exists");
            }
            if (read.torn()) {
                LOG.warn("ledger journal {} ends with a torn or corrupt frame after byte {}: cut off",
                        files.journal(g), read.validBytes());
            }
        }
        LOG.info("ledger recovered {} accounts and {} live transfers from snapshot {} and {} frames, with {} archive"
                + " segments, in {} ms", state.accounts.size(), state.transfers.size(), snapshot, frames,
                state.archive.segmentCount(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        long current = journals.last();
        return new Generations(files, generationBytesMax, current,
                Journal.openAfter(files.journal(current), read.validBytes()));
    }
}
