package org.kiungo.ledger.postgres;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerCrashTest;

class PostgresLedgerCrashTest extends LedgerCrashTest {
    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    @Override
    protected List<String> engineArguments() {
        return List.of("postgres", database.url());
    }

    @Override
    protected Ledger reopen() {
        return PostgresLedger.open(database.newPool(), Clock.systemUTC());
    }

    @Test
    void shouldKeepEveryAcknowledgedTransferWhenTheProcessIsKilled() throws Exception {
        shouldKeepEveryAcknowledgedTransfer(2, 1_000, 5_000);
    }
}
