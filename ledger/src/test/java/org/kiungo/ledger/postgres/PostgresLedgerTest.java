package org.kiungo.ledger.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.LedgerContractTest;

class PostgresLedgerTest extends LedgerContractTest {
    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    @Override
    protected Ledger newLedger() {
        return PostgresLedger.open(database.newPool(), clock);
    }
}
