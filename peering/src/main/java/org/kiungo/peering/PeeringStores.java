package org.kiungo.peering;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.kiungo.ledger.postgres.DatabaseUrl;

/**
 * Opens the peering store: PostgreSQL when a database URL is given, otherwise the embedded H2 database in the
 * node's data directory. Both get the same tables from the same Flyway migrations, with a history table of their
 * own so the ledger's migrations in the same schema stay independent. The ledger's tables make a shared schema
 * non-empty, so a missing history table is started below our first migration instead of being refused.
 */
public final class PeeringStores {
    static final String LOCATION = "classpath:db/peering";
    static final String HISTORY_TABLE = "kiungo_peering_schema_history";
    /** Below every migration of ours, so baselining an empty history skips none of them. */
    static final String BASELINE_VERSION = "0";
    /** Connections per store: admin requests are few and short. */
    public static final int POOL_SIZE_MAX = 4;
    /** How long opening waits for the database before it fails. */
    static final long CONNECT_TIMEOUT_MS_MAX = 10_000;
    /** The embedded database's file name inside its directory (H2 adds {@code .mv.db}). */
    public static final String EMBEDDED_FILE = "peering";

    private PeeringStores() {
    }

    /** The embedded store in {@code directory}, created on first use; one process at a time may open it. */
    public static SqlPeeringStore embedded(Path directory) {
        String url = "jdbc:h2:file:" + directory.toAbsolutePath().resolve(EMBEDDED_FILE)
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        return open(pool(url, null, null, "kiungo-peering-embedded"));
    }

    /** The store in the PostgreSQL database at {@code url}, in the schema its connections use. */
    public static SqlPeeringStore postgres(DatabaseUrl url) {
        return open(pool(url.jdbcUrl(), url.user(), url.password(), "kiungo-peering-postgres"));
    }

    /** A store over a caller's data source, which the caller closes after the store. */
    public static SqlPeeringStore over(DataSource dataSource) {
        migrate(dataSource);
        return new SqlPeeringStore(dataSource, null);
    }

    private static SqlPeeringStore open(HikariDataSource pool) {
        try {
            migrate(pool);
            return new SqlPeeringStore(pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY_TABLE).baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION).load().migrate();
    }

    private static HikariDataSource pool(String jdbcUrl, String user, String password, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(POOL_SIZE_MAX);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS_MAX);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }
}
