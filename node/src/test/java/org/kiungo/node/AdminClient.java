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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reply;

/**
 * What node tests do over real HTTP: admin GraphQL requests to a node's {@code /graphql}, and ILP packets to its
 * connector with a peer's bearer token. Mutations are the seeds' (Rafiki's) forms.
 */
final class AdminClient implements AutoCloseable {
    /** Longer than any answer may take; a hang shows as a failed request, never as a slow pass. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CREATE_ASSET = "mutation($input: CreateAssetInput!) { createAsset(input: $input) "
            + "{ success asset { id } } }";
    static final String CREATE_PEER = "mutation($input: CreatePeerInput!) { createPeer(input: $input) "
            + "{ success peer { id liquidity } } }";
    static final String DEPOSIT = "mutation($input: DepositPeerLiquidityInput!) "
            + "{ depositPeerLiquidity(input: $input) { code success message } }";
    static final String PEER_LIQUIDITY = "query($id: String!) { peer(id: $id) { liquidity } }";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    /** The whole GraphQL response (data and errors) of one request to {@code node}, which must answer 200. */
    @SuppressWarnings("unchecked")
    Map<String, Object> request(Node node, String query, Map<String, Object> variables) throws Exception {
        byte[] body = JSON.writeValueAsBytes(Map.of("query", query, "variables", variables));
        HttpResponse<byte[]> response = post(URI.create("http://127.0.0.1:" + node.adminPort() + "/graphql"), body);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readValue(response.body(), Map.class);
    }

    /** The data of a request that must succeed. */
    @SuppressWarnings("unchecked")
    Map<String, Object> graphql(Node node, String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> answer = request(node, query, variables);
        assertThat(answer).doesNotContainKey("errors");
        return (Map<String, Object>) answer.get("data");
    }

    /** The {@code extensions.code} of the first error of a request that must fail. */
    @SuppressWarnings("unchecked")
    String errorCode(Node node, String query, Map<String, Object> variables) throws Exception {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) request(node, query, variables).get("errors");
        assertThat(errors).isNotEmpty();
        return (String) field(errors.get(0), "extensions").get("code");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> field(Map<String, Object> map, String name) {
        return (Map<String, Object>) map.get(name);
    }

    String createAsset(Node node, String code, int scale) throws Exception {
        Map<String, Object> created = field(graphql(node, CREATE_ASSET,
                Map.of("input", Map.of("code", code, "scale", scale))), "createAsset");
        assertThat(created).containsEntry("success", true);
        return (String) field(created, "asset").get("id");
    }

    /** Creates a peer with one incoming and one outgoing token and returns its id. */
    String createPeer(Node node, String assetId, String address, String incomingToken, String outgoingToken,
                      String endpoint, long initialLiquidity) throws Exception {
        Map<String, Object> input = Map.of("assetId", assetId, "staticIlpAddress", address,
                "initialLiquidity", Long.toString(initialLiquidity),
                "http", Map.of("incoming", Map.of("authTokens", List.of(incomingToken)),
                        "outgoing", Map.of("authToken", outgoingToken, "endpoint", endpoint)));
        Map<String, Object> created = field(graphql(node, CREATE_PEER, Map.of("input", input)), "createPeer");
        assertThat(created).containsEntry("success", true);
        Map<String, Object> peer = field(created, "peer");
        assertThat(peer).containsEntry("liquidity", Long.toString(initialLiquidity));
        return (String) peer.get("id");
    }

    void deposit(Node node, String peerId, long amount) throws Exception {
        Map<String, Object> input = Map.of("peerId", peerId, "amount", Long.toString(amount),
                "id", UUID.randomUUID().toString());
        assertThat(field(graphql(node, DEPOSIT, Map.of("input", input)), "depositPeerLiquidity"))
                .containsEntry("success", true);
    }

    /** A peer's liquidity as the admin API shows it. */
    long liquidity(Node node, String peerId) throws Exception {
        return Long.parseLong((String) field(graphql(node, PEER_LIQUIDITY, Map.of("id", peerId)), "peer")
                .get("liquidity"));
    }

    /** Sends a Prepare to {@code node}'s connector as the peer whose incoming token is {@code token}. */
    Reply send(Node node, String token, long amount, String destination, byte[] condition) throws Exception {
        HttpResponse<byte[]> response = post(node, token, amount, destination, condition);
        assertThat(response.statusCode()).isEqualTo(200);
        return IlpCodec.decodeReply(response.body());
    }

    /** The HTTP status of a zero-amount Prepare sent with {@code token}: 401 while no peer has the token. */
    int status(Node node, String token) throws Exception {
        return post(node, token, 0, node.ilpAddress().with("nobody").value(), new byte[32]).statusCode();
    }

    private HttpResponse<byte[]> post(Node node, String token, long amount, String destination, byte[] condition)
            throws Exception {
        Prepare prepare = new Prepare(amount, Instant.now().plusSeconds(20), condition.clone(),
                IlpAddress.of(destination), new byte[] {7});
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.connectorPort() + "/ilp"))
                .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
        return http.send(request, BodyHandlers.ofByteArray());
    }

    /** The id of a new asset with {@code code} and scale 2. */
    String createAsset(Node node, String code) throws Exception {
        return createAsset(node, code, 2);
    }

    /**
     * The id of a new peer at {@code address} that presents {@code incomingToken}, with {@code initialLiquidity};
     * its endpoint is a closed port, for peers that only send to us or get a local receiver.
     */
    String createPeer(Node node, String assetId, String address, String incomingToken, long initialLiquidity)
            throws Exception {
        return createPeer(node, assetId, address, incomingToken, "unused-" + incomingToken, "http://127.0.0.1:1",
                initialLiquidity);
    }

    /** Every peer of {@code node} with its address, liquidity and outgoing endpoint. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> peers(Node node) throws Exception {
        Map<String, Object> peers = field(graphql(node, "{ peers { edges { node { id name staticIlpAddress liquidity"
                + " maxPacketAmount routes http { outgoing { endpoint authToken } } } } } }", Map.of()), "peers");
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
