package org.kiungo.ledger.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The ledger's tables, created and upgraded by Flyway from {@code db/ledger} on the classpath. The ledger keeps
 * its own history table so that other modules can migrate their own tables in the same schema independently.
 */
final class LedgerSchema {
    static final String LOCATION = "classpath:db/ledger";
    static final String HISTORY_TABLE = "kiungo_ledger_schema_history";

    private LedgerSchema() {
    }

    /** Brings the schema of {@code dataSource}'s connections up to date; safe when engines start together. */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
    }
}
