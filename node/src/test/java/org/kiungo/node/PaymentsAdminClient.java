package org.kiungo.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** GraphQL over real HTTP to a node's admin API, for tests: data on success, the first error's code otherwise. */
final class PaymentsAdminClient implements AutoCloseable {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @SuppressWarnings("unchecked")
    Map<String, Object> run(Node node, String query, Map<String, Object> variables) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/graphql"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables)))).build();
        return JSON.readValue(http.send(request, HttpResponse.BodyHandlers.ofString()).body(), Map.class);
    }

    /** The {@code field} of a successful answer; fails the test on errors. */
    @SuppressWarnings("unchecked")
    Map<String, Object> data(Node node, String field, String query, Map<String, Object> variables)
            throws Exception {
        Map<String, Object> response = run(node, query, variables);
        if (response.containsKey("errors")) {
            throw new AssertionError("unexpected errors: " + response.get("errors"));
        }
        return (Map<String, Object>) ((Map<String, Object>) response.get("data")).get(field);
    }

    /** The {@code extensions.code} of the first error; fails the test when there is none. */
    @SuppressWarnings("unchecked")
    String errorCode(Node node, String query, Map<String, Object> variables) throws Exception {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) run(node, query, variables).get("errors");
        if (errors == null || errors.isEmpty()) {
            throw new AssertionError("expected an error");
        }
        return (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code");
    }

    @Override
    public void close() {
        http.close();
    }
}
