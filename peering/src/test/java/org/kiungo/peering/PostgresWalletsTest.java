package org.kiungo.peering;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.kiungo.ledger.postgres.DatabaseUrl;

/** Wallet addresses on the real PostgreSQL, in a fresh schema per test, dropped afterwards. */
final class PostgresWalletsTest extends WalletsContractTest {
    private String schema;

    @Override
    PeeringStore openStore() {
        if (schema == null) {
            schema = "wallets_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("CREATE SCHEMA " + schema);
        }
        return PeeringStores.postgres(DatabaseUrl.parse(PostgresPeeringStoreTest.URL + "&currentSchema=" + schema));
    }

    @AfterEach
    void dropSchema() {
        store.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PostgresPeeringStoreTest.URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL refused " + sql + ": " + e.getMessage(), e);
        }
    }
}
