package org.kiungo.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.PeeringStores;

/** Webhook delivery over the real PostgreSQL at 127.0.0.1:5432, in a fresh schema per test, dropped afterwards. */
final class PostgresWebhookDeliveryTest extends WebhookDeliveryContractTest {
    private static final String URL = System.getenv().getOrDefault("KIUNGO_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private String schema;

    @Override
    PeeringStore openStore() {
        if (schema == null) {
            schema = "webhooks_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("CREATE SCHEMA " + schema);
        }
        return PeeringStores.postgres(DatabaseUrl.parse(URL + "&currentSchema=" + schema));
    }

    @AfterEach
    void dropSchema() {
        store.close();
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL is not reachable at " + URL + " or refused " + sql + ": "
                    + e.getMessage(), e);
        }
    }
}
