package org.kiungo.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.kiungo.connector.InMemoryAssetDirectory;
import org.kiungo.connector.InMemoryIncomingTokens;
import org.kiungo.connector.InMemoryPeerDirectory;
import org.kiungo.ledger.Ledger;
import org.kiungo.ledger.embedded.EmbeddedLedger;
import org.kiungo.peering.PeeringServices;
import org.kiungo.peering.PeeringStore;
import org.kiungo.peering.PeeringStores;

/** An admin API over an embedded ledger and store in a temporary directory, with request helpers. */
final class AdminFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final Ledger ledger;
    final PeeringStore store;
    final InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
    final InMemoryPeerDirectory peers = new InMemoryPeerDirectory(tokens);
    final PeeringServices services;
    final AdminApi api;

    AdminFixture(Path directory) {
        ledger = EmbeddedLedger.open(directory.resolve("ledger"), Clock.systemUTC());
        store = PeeringStores.embedded(directory.resolve("peering"));
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
