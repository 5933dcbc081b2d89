package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Talks to nodes' admin GraphQL APIs and other JSON endpoints over real HTTP, for the peering tests. */
final class AdminClient implements AutoCloseable {
    /** Longer than any answer may take; a hang shows as a failed request, never as a slow pass. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    /** The whole GraphQL response: {@code data} and, when something failed, {@code errors}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> graphql(Node node, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = post(URI.create("http://127.0.0.1:" + node.adminPort() + "/graphql"),
                JSON.writeValueAsBytes(Map.of("query", query, "variables", variables)));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), Map.class);
    }

    /** The {@code data} of a request that must succeed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> data(Node node, String query, Map<String, Object> variables)
            throws IOException, InterruptedException {
        Map<String, Object> answer = graphql(node, query, variables);
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) answer.get("data");
    }

    /** The id of a new asset with {@code code} and scale 2. */
    @SuppressWarnings("unchecked")
    String createAsset(Node node, String code) throws IOException, InterruptedException {
        Map<String, Object> created = (Map<String, Object>) data(node, "mutation($input: CreateAssetInput!) "
                + "{ createAsset(input: $input) { asset { id } } }",
                Map.of("input", Map.of("code", code, "scale", 2))).get("createAsset");
        return (String) ((Map<String, Object>) created.get("asset")).get("id");
    }

    /**
     * The id of a new peer at {@code address} that presents {@code incomingToken}, with {@code initialLiquidity};
     * its endpoint is a closed port, for peers that only send to us or get a local receiver.
     */
    @SuppressWarnings("unchecked")
    String createPeer(Node node, String assetId, String address, String incomingToken, long initialLiquidity)
            throws IOException, InterruptedException {
        Map<String, Object> input = Map.of("assetId", assetId, "staticIlpAddress", address,
                "initialLiquidity", Long.toString(initialLiquidity),
                "http", Map.of("incoming", Map.of("authTokens", List.of(incomingToken)),
                        "outgoing", Map.of("authToken", "unused-" + incomingToken, "endpoint", "http://127.0.0.1:1")));
        Map<String, Object> created = (Map<String, Object>) data(node, "mutation($input: CreatePeerInput!) "
                + "{ createPeer(input: $input) { peer { id } } }", Map.of("input", input)).get("createPeer");
        return (String) ((Map<String, Object>) created.get("peer")).get("id");
    }

    /** Every peer of {@code node} with its address, liquidity and outgoing endpoint. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> peers(Node node) throws IOException, InterruptedException {
        Map<String, Object> peers = (Map<String, Object>) data(node, "{ peers { edges { node { id name "
                + "staticIlpAddress liquidity maxPacketAmount routes http { outgoing { endpoint authToken } } } } } }",
                Map.of()).get("peers");
        return ((List<Map<String, Object>>) peers.get("edges")).stream()
                .map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    HttpClient httpClient() {
        return http;
    }

    HttpResponse<byte[]> post(URI uri, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(body)).build(),
                BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        http.close();
    }
}
