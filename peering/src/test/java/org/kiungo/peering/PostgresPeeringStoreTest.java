package org.kiungo.peering;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kiungo.ledger.postgres.DatabaseUrl;

/**
 * The contract on the real PostgreSQL at 127.0.0.1:5432 (database {@code test}, user {@code postgres}), in a
 * fresh schema per test, dropped afterwards. When PostgreSQL cannot be reached the tests fail saying so.
 */
final class PostgresPeeringStoreTest extends PeeringContractTest {
    static final String URL = System.getenv().getOrDefault("KIUNGO_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private String schema;

    @BeforeEach
    void createSchema() {
        if (schema == null) {
            schema = "peering_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("CREATE SCHEMA " + schema);
        }
    }

    @AfterEach
    void dropSchema() {
        store.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
        schema = null;
    }

    @AfterAll
    static void done() {
        // Each test drops its own schema; nothing is left to clean.
    }

    @Override
    PeeringStore openStore() {
        createSchema();
        return PeeringStores.postgres(DatabaseUrl.parse(URL + "&currentSchema=" + schema));
    }

    static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + URL + " or refused " + sql + ": "
                    + e.getMessage(), e);
        }
    }
}
