package org.kiungo.ledger.postgres;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh schema in the real test PostgreSQL for each test, dropped afterwards (after the test's own
 * {@code @AfterEach} methods, so a ledger can still be checked and closed). PostgreSQL must be running: when it
 * cannot be reached the test fails with a message saying so, it is never skipped.
 */
public final class TestDatabase implements BeforeEachCallback, AfterEachCallback {
    /** The server the tests use; CI starts it. Overridden by {@code KIUNGO_TEST_DATABASE_URL}. */
    public static final String URL = System.getenv().getOrDefault("KIUNGO_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final List<HikariDataSource> pools = new ArrayList<>();
    private String schema;

    @Override
    public void beforeEach(ExtensionContext context) {
        schema = "ledger_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        execute("CREATE SCHEMA " + schema);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    /** The schema this test's ledgers live in. */
    public String schema() {
        return schema;
    }

    /**
     * A JDBC URL whose connections use this test's schema and carry its name as their application name, so that
     * {@link #terminateConnections} can find them and nobody else's.
     */
    public String url() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&ApplicationName=" + schema;
    }

    /** Drops every connection opened with {@link #url()} from the server side, as a database restart would. */
    public int terminateConnections() {
        String sql = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?";
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** A new pool on this test's schema, closed after the test: one per engine, as separate replicas have. */
    public HikariDataSource newPool() {
        HikariDataSource pool = PostgresLedger.pool(DatabaseUrl.parse(url()));
        pools.add(pool);
        return pool;
    }

    private static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + URL + " (the PostgreSQL ledger tests need "
                    + "it running; CI starts it): " + e.getMessage(), e);
        }
    }
}
