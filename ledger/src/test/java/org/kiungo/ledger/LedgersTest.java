package org.kiungo.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.PostgresLedger;
import org.kiungo.ledger.postgres.TestDatabase;

class LedgersTest {
    @RegisterExtension
    final TestDatabase database = new TestDatabase();

    @TempDir
    Path directory;

    @Test
    void shouldOpenTheEmbeddedEngineWithoutADatabaseUrl() {
        for (Optional<String> none : List.of(Optional.<String>empty(), Optional.of("  "))) {
            try (Ledger ledger = Ledgers.open(none, directory, Clock.systemUTC())) {
                assertThat(ledger).isInstanceOf(EmbeddedLedger.class);
            }
        }
    }

    @Test
    void shouldOpenThePostgresEngineForAPostgresUrl() {
        String url = "postgres://postgres@127.0.0.1:5432/test?currentSchema=" + database.schema();
        try (Ledger ledger = Ledgers.open(Optional.of(url), directory, Clock.systemUTC())) {
            assertThat(ledger).isInstanceOf(PostgresLedger.class);
            UUID id = Ids.random();
            assertThat(ledger.createAccounts(List.of(Account.create(id, 1, 1, AccountFlags.NONE))).join())
                    .containsExactly(CreateAccountResult.OK);
            assertThat(ledger.lookupAccount(id)).isPresent();
        }
    }
}
