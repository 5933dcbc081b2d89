package org.kiungo.ledger.embedded;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;

/**
 * The whole contract with a generation closed after every batch: each answer then comes from the live state, a
 * frozen generation or an archive segment on disk, and must be the same as from memory alone.
 */
class EmbeddedLedgerCompactionTest extends LedgerContractTest {
    @TempDir
    Path directory;

    @Override
    protected Ledger newLedger() {
        return EmbeddedLedger.open(directory, clock, 1);
    }
}
