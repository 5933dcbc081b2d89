package org.kiungo.node;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;
import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.PeeringStores;

/**
 * Where the node keeps money and peering data: its ledger and its peering store (assets, peers, incoming token
 * hashes, withdrawals, idempotency records). Both live in the data directory by default, or both in one PostgreSQL
 * database when {@code DATABASE_URL} is set, so that node replicas on that database share accounts and peers. The
 * schema is the one the URL's connections use ({@code currentSchema}, else PostgreSQL's search path).
 *
 * @param description what the log shows: the kind of storage and where it is, never a password
 */
public record Storage(Ledger ledger, PeeringStore store, String description) implements AutoCloseable {
    /** The embedded ledger's directory inside the data directory. */
    public static final String LEDGER_DIRECTORY = "ledger";
    /** The embedded peering store's directory inside the data directory. */
    public static final String PEERING_DIRECTORY = "peering";

    /** Opens what {@code config} asks for; an unreachable or unusable database stops the start with the reason. */
    static Storage open(Config config, Clock clock) throws NodeStartException {
        Optional<DatabaseUrl> url = config.databaseUrl().map(uri -> DatabaseUrl.parse(uri.toString()));
        return url.isPresent() ? postgres(url.get(), clock) : embedded(config.dataDir(), clock);
    }

    private static Storage embedded(Path dataDir, Clock clock) {
        Ledger ledger = EmbeddedLedger.open(dataDir.resolve(LEDGER_DIRECTORY), clock);
        try {
            return new Storage(ledger, PeeringStores.embedded(dataDir.resolve(PEERING_DIRECTORY)), "embedded: ledger "
                    + "in " + dataDir.resolve(LEDGER_DIRECTORY) + ", assets and peers in "
                    + dataDir.resolve(PEERING_DIRECTORY));
        } catch (RuntimeException e) {
            ledger.close();
            throw e;
        }
    }

    private static Storage postgres(DatabaseUrl url, Clock clock) throws NodeStartException {
        Ledger ledger;
        try {
            ledger = PostgresLedger.open(url, clock);
        } catch (RuntimeException e) {
            throw cannotOpen(url, e);
        }
        try {
            return new Storage(ledger, PeeringStores.postgres(url), "PostgreSQL " + url
                    + ": ledger, assets and peers");
        } catch (RuntimeException e) {
            ledger.close();
            throw cannotOpen(url, e);
        }
    }

    /** The driver's reason, which names host and port but not the password; masked all the same if it did. */
    private static NodeStartException cannotOpen(DatabaseUrl url, RuntimeException e) {
        String reason = String.valueOf(e.getMessage());
        if (url.password() != null && !url.password().isEmpty()) {
            reason = reason.replace(url.password(), "***");
        }
        return new NodeStartException("cannot open the PostgreSQL database of DATABASE_URL (" + url.redactedUrl()
                + "): " + reason);
    }

    /** Closes the store, then the ledger, which makes every queued write durable first. */
    @Override
    public void close() {
        store.close();
        ledger.close();
    }
}
