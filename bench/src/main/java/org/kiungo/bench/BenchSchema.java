package org.kiungo.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.kiungo.ledger.postgres.DatabaseUrl;

/** A schema of a benchmark run's own in a PostgreSQL database, with a pool on it; dropped when closed. */
final class BenchSchema implements AutoCloseable {
    private static final int POOL_SIZE_MAX = 4;

    private final HikariDataSource pool;
    private final String schema;

    private BenchSchema(HikariDataSource pool, String schema) {
        this.pool = pool;
        this.schema = schema;
    }

    static BenchSchema create(DatabaseUrl url) throws SQLException {
        String schema = "ledger_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(inSchema(url.jdbcUrl(), schema));
        if (url.user() != null) config.setUsername(url.user());
        if (url.password() != null) config.setPassword(url.password());
        config.setMaximumPoolSize(POOL_SIZE_MAX);
        HikariDataSource pool = new HikariDataSource(config);
        execute(pool, "CREATE SCHEMA " + schema);
        return new BenchSchema(pool, schema);
    }

    DataSource dataSource() {
        return pool;
    }

    /** {@code databaseUrl} (a {@code DATABASE_URL} of any accepted form) with its connections in this schema. */
    String databaseUrl(String databaseUrl) {
        return inSchema(databaseUrl, schema);
    }

    private static String inSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            execute(pool, "DROP SCHEMA " + schema + " CASCADE");
        } finally {
            pool.close();
        }
    }
}
