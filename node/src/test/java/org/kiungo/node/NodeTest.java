package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.admin.GraphqlHandler;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;
import org.kiungo.peering.CreatePeer;

class NodeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Node node;
    private Node other;

    @AfterEach
    void stopNodes() {
        if (node != null) {
            node.close();
        }
        if (other != null) {
            other.close();
        }
        client.close();
    }

    @Test
    void shouldAnswerHealthz(@TempDir Path dataDir) throws Exception {
        node = Node.start(config(dataDir));

        HttpResponse<String> response = get(node.adminPort(), "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void shouldAnswer404ForAnythingElseOnTheAdminPort(@TempDir Path dataDir) throws Exception {
        node = Node.start(config(dataDir));

        assertThat(get(node.adminPort(), "/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get(node.adminPort(), "/graphql").statusCode()).isEqualTo(405);
    }

    @Test
    void shouldServeAGraphqlBodyOfTheLimitAndRefuseOneByteMoreWith413(@TempDir Path dataDir) throws Exception {
        node = Node.start(config(dataDir));
        String prefix = "{\"query\": \"{ assets { edges { cursor } } }\", \"padding\": \"";
        String atLimit = prefix + "x".repeat(GraphqlHandler.BODY_BYTES_MAX - prefix.length() - 2) + "\"}";

        HttpResponse<String> served = postGraphql(atLimit);
        HttpResponse<String> refused = postGraphql(atLimit.replace(prefix, prefix + "x"));

        assertThat(atLimit).hasSize(GraphqlHandler.BODY_BYTES_MAX);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).contains("\"edges\":[]").doesNotContain("errors");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("larger than " + GraphqlHandler.BODY_BYTES_MAX + " bytes");
    }

    private HttpResponse<String> postGraphql(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(node.adminPort(), GraphqlHandler.PATH)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build(),
                BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerUnknownDestinationWithF02FromTheNodeAddress(@TempDir Path dataDir) throws Exception {
        node = Node.start(config(dataDir));
        addPeerA(node);

        HttpResponse<byte[]> response = client.send(prepare(node.connectorPort(), "token-a"),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        Reject reject = (Reject) IlpCodec.decodeReply(response.body());
        assertThat(reject.code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(reject.triggeredBy()).isEqualTo(node.ilpAddress().value());
    }

    @Test
    void shouldSpeakHttp2OverCleartextOnTheConnectorPort(@TempDir Path dataDir) throws Exception {
        node = Node.start(config(dataDir));
        addPeerA(node);
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(TIMEOUT).build();

        // The first request upgrades the connection to h2c; the packet then goes over HTTP/2.
        http2.send(HttpRequest.newBuilder(uri(node.connectorPort(), "/ilp")).timeout(TIMEOUT).build(),
                BodyHandlers.discarding());
        HttpResponse<byte[]> response = http2.send(prepare(node.connectorPort(), "token-a"),
                BodyHandlers.ofByteArray());

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        http2.close();
    }

    @Test
    void shouldRunTwoNodesSideBySide(@TempDir Path firstDir, @TempDir Path secondDir) throws Exception {
        node = Node.start(config(firstDir));
        other = Node.start(config(secondDir));

        assertThat(other.connectorPort()).isNotEqualTo(node.connectorPort());
        assertThat(other.ilpAddress()).isNotEqualTo(node.ilpAddress());
        assertThat(get(node.adminPort(), "/healthz").statusCode()).isEqualTo(200);
        assertThat(get(other.adminPort(), "/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseASecondNodeOnTheSameDataDirectory(@TempDir Path dataDir) throws Exception {
        node = Node.start(config(dataDir));

        assertThatThrownBy(() -> Node.start(config(dataDir)))
                .isInstanceOf(NodeStartException.class)
                .hasMessageContaining("is in use by another Kiungo node")
                .hasMessageContaining(dataDir.toString());
    }

    @Test
    void shouldReleaseTheDataDirectoryWhenClosed(@TempDir Path dataDir) throws Exception {
        Node first = Node.start(config(dataDir));
        IlpAddress address = first.ilpAddress();
        first.close();

        node = Node.start(config(dataDir));

        assertThat(node.ilpAddress()).isEqualTo(address);
    }

    @Test
    void shouldReleaseTheDataDirectoryWhenAPortIsTaken(@TempDir Path firstDir, @TempDir Path secondDir)
            throws Exception {
        node = Node.start(config(firstDir));
        Config clashing = Config.load(Map.of("KIUNGO_DATA_DIR", secondDir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", String.valueOf(node.adminPort()), "SPSP_PORT", "0"));

        assertThatThrownBy(() -> Node.start(clashing)).isInstanceOf(NodeStartException.class)
                .hasMessageContaining("cannot listen on 127.0.0.1:" + node.adminPort() + " for the admin");
        other = Node.start(config(secondDir));
    }

    /** A peer in USD that sends with "token-a" and cannot be reached. */
    private static void addPeerA(Node node) {
        String usd = node.peering().createAsset("USD", 2).id().toString();
        node.peering().createPeer(new CreatePeer(usd, node.ilpAddress().with("a").value(), Optional.empty(),
                "http://127.0.0.1:1/ilp", "unused-token", List.of("token-a"), OptionalLong.empty(),
                OptionalLong.empty(), OptionalLong.empty(), List.of()));
    }

    static Config config(Path dataDir) throws ConfigException {
        return Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0", "ADMIN_PORT", "0",
                "SPSP_PORT", "0"));
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(port, path)).timeout(TIMEOUT).build(),
                BodyHandlers.ofString());
    }

    private static HttpRequest prepare(int port, String token) {
        Prepare prepare = new Prepare(100, Instant.now().plusSeconds(30), new byte[Prepare.CONDITION_LENGTH],
                IlpAddress.of("test.nowhere"), new byte[0]);
        return HttpRequest.newBuilder(uri(port, "/ilp")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(IlpCodec.encode(prepare))).build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
