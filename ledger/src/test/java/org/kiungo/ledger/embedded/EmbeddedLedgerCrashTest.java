package org.kiungo.ledger.embedded;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerCrashTest;

class EmbeddedLedgerCrashTest extends LedgerCrashTest {
    /** About 160 transfers per generation: a compaction is nearly always running when the child is killed. */
    private static final long TINY_GENERATION_BYTES = 16 << 10;

    @TempDir
    Path directory;

    private long generationBytesMax = EmbeddedLedger.GENERATION_BYTES_DEFAULT;

    @Override
    protected List<String> engineArguments() {
        return List.of("embedded", directory.toString(), Long.toString(generationBytesMax));
    }

    @Override
    protected Ledger reopen() {
        return EmbeddedLedger.open(directory, Clock.systemUTC(), generationBytesMax);
    }

    @Test
    void shouldKeepEveryAcknowledgedTransferWhenTheProcessIsKilled() throws Exception {
        shouldKeepEveryAcknowledgedTransfer(3, 2_000, 20_000);
    }

    @Test
    void shouldKeepEveryAcknowledgedTransferWhenTheProcessIsKilledDuringCompactions() throws Exception {
        generationBytesMax = TINY_GENERATION_BYTES;
        shouldKeepEveryAcknowledgedTransfer(4, 1_000, 10_000);
    }
}
