package org.kiungo.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.ledger.postgres.DatabaseUrl;
import org.kiungo.ledger.postgres.PostgresLedger;
import org.kiungo.ledger.postgres.TestDatabase;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.PeeringStores;

/**
 * An admin API over a ledger and a peering store in one of the node's two storage modes, with request helpers:
 * embedded (H2 store and journaled ledger in a temporary directory) or PostgreSQL (both in a test's fresh schema).
 */
final class AdminFixture implements AutoCloseable {
    /** The node's storage modes; tests that must hold for both run once per mode. */
    enum Storage {
        EMBEDDED, POSTGRES
    }

    static final ObjectMapper JSON = new ObjectMapper();
    final Ledger ledger;
    final PeeringStore store;
    final InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
    final InMemoryPeerDirectory peers = new InMemoryPeerDirectory(tokens);
    final PeeringServices services;
    final AdminApi api;

    AdminFixture(Path directory) {
        this(EmbeddedLedger.open(directory.resolve("ledger"), Clock.systemUTC()),
                PeeringStores.embedded(directory.resolve("peering")));
    }

    /** Storage of kind {@code storage}: in {@code directory}, or in {@code database}'s schema. */
    static AdminFixture open(Storage storage, Path directory, TestDatabase database, UnaryOperator<Ledger> wrap) {
        if (storage == Storage.EMBEDDED) {
            return new AdminFixture(wrap.apply(EmbeddedLedger.open(directory.resolve("ledger"), Clock.systemUTC())),
                    PeeringStores.embedded(directory.resolve("peering")));
        }
        DatabaseUrl url = DatabaseUrl.parse(database.url());
        return new AdminFixture(wrap.apply(PostgresLedger.open(url, Clock.systemUTC())), PeeringStores.postgres(url));
    }

    AdminFixture(Ledger ledger, PeeringStore store) {
        this.ledger = ledger;
        this.store = store;
        services = PeeringServices.open(store, ledger, new InMemoryAssetDirectory(), peers, tokens,
                Clock.systemUTC());
        api = AdminApi.over(services, Clock.systemUTC());
    }

    /** Runs {@code query} with {@code variablesJson} parsed as the HTTP handler parses a "variables" string. */
    Map<String, Object> run(String query, String variablesJson) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("query", query, "variables", variablesJson));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        GraphqlHandler.GraphqlRequest request = GraphqlHandler.GraphqlRequest.parse(JSON,
                body.getBytes(StandardCharsets.UTF_8));
        if (request.problem() != null) {
            return GraphqlHandler.error(request.problem(), "BAD_REQUEST");
        }
        return api.execute(request.query(), request.operationName(), request.variables());
    }

    /** A JSON object as a map, as graphql-java takes variables. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> response, String field) {
        if (response.containsKey("errors")) {
            throw new AssertionError("unexpected errors: " + response.get("errors"));
        }
        return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstError(Map<String, Object> response) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) response.get("errors");
        if (errors == null || errors.isEmpty()) {
            throw new AssertionError("expected an error, got " + response);
        }
        return errors.get(0);
    }

    @SuppressWarnings("unchecked")
    static String code(Map<String, Object> response) {
        return (String) ((Map<String, Object>) firstError(response).get("extensions")).get("code");
    }

    @Override
    public void close() {
        store.close();
        ledger.close();
    }
}
