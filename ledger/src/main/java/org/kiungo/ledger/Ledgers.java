package org.kiungo.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the engine the node is configured for: PostgreSQL when a {@code DATABASE_URL} is set, else embedded. */
public final class Ledgers {
    private static final Logger LOG = LoggerFactory.getLogger(Ledgers.class);

    private Ledgers() {
    }

    /**
     * The PostgreSQL engine at {@code databaseUrl} ({@code postgres://}, {@code postgresql://} or
     * {@code jdbc:postgresql://}) when it is present and not blank, otherwise the embedded engine in
     * {@code dataDirectory}. Time comes from {@code clock}. The password never reaches a log line.
     */
    public static Ledger open(Optional<String> databaseUrl, Path dataDirectory, Clock clock) {
        Optional<String> url = databaseUrl.filter(text -> !text.isBlank());
        if (url.isPresent()) {
            DatabaseUrl parsed = DatabaseUrl.parse(url.get().strip());
            LOG.info("ledger: PostgreSQL engine at {}", parsed);
            return PostgresLedger.open(parsed, clock);
        }
        LOG.info("ledger: embedded engine in {}", dataDirectory);
        return EmbeddedLedger.open(dataDirectory, clock);
    }
}
