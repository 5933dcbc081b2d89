package org.kiungo.peering;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.kiungo.ledger.postgres.DatabaseUrl;

/** The liquidity alarms on the real PostgreSQL, in a fresh schema per test (see {@link PostgresPeeringStoreTest}). */
final class PostgresLiquidityAlarmsTest extends LiquidityAlarmsContractTest {
    private String schema;

    @Override
    PeeringStore openStore() {
        if (schema == null) {
            schema = "alarms_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            PostgresPeeringStoreTest.execute("CREATE SCHEMA " + schema);
        }
        return PeeringStores.postgres(DatabaseUrl.parse(PostgresPeeringStoreTest.URL + "&currentSchema=" + schema));
    }

    @AfterEach
    void dropSchema() {
        store.close();
        PostgresPeeringStoreTest.execute("DROP SCHEMA " + schema + " CASCADE");
    }
}
