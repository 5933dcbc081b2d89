package org.kiungo.ledger.postgres;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The ledger's tables, created and upgraded by Flyway from {@code db/ledger} on the classpath. The ledger keeps
 * its own history table so that other modules can migrate their own tables in the same schema independently.
 * Their tables make the schema non-empty, which Flyway takes for a database it does not manage: a missing history
 * table is therefore started at version 0 ({@link #BASELINE_VERSION}), before our first migration, not refused.
 */
final class LedgerSchema {
    static final String LOCATION = "classpath:db/ledger";
    static final String HISTORY_TABLE = "kiungo_ledger_schema_history";
    /** Below every migration of ours, so baselining an empty history skips none of them. */
    static final String BASELINE_VERSION = "0";

    private LedgerSchema() {
    }

    /** Brings the schema of {@code dataSource}'s connections up to date; safe when engines start together. */
    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION)
                .load()
                .migrate();
    }
}
