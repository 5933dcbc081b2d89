package org.kiungo.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kiungo.admin.RequestSignatures;

/** A node with API_SECRET over real HTTP: only signed, fresh, first-time /graphql requests are served. */
class SignedAdminApiTest {
    private static final String SECRET = "api-secret-value";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] QUERY = "{\"query\": \"{ assets { edges { node { code } } } }\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final RequestSignatures signer = new RequestSignatures(SECRET.getBytes(StandardCharsets.UTF_8),
            Clock.systemUTC());
    @TempDir
    Path dataDir;
    private Node node;

    @BeforeEach
    void startNodeWithApiSecret() throws Exception {
        node = Node.start(Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "CONNECTOR_PORT", "0",
                "ADMIN_PORT", "0", "SPSP_PORT", "0", "ILP_ADDRESS", "test.signed", "API_SECRET", SECRET,
                "KIUNGO_BIND_HOST", "0.0.0.0")));
    }

    @AfterEach
    void stopNode() {
        node.close();
        http.close();
    }

    private HttpResponse<String> post(String signature, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort()
                + "/graphql")).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header(RequestSignatures.HEADER, signature);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains(reason).doesNotContain(SECRET).hasSizeLessThan(100);
    }

    @Test
    void shouldServeASignedRequestAndListenOnTheBindHost() throws Exception {
        HttpResponse<String> response = post(signer.sign(System.currentTimeMillis(), QUERY), QUERY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"assets\":{\"edges\":[]}}}");
        assertThat(Node.adminHost(node.config())).isEqualTo("0.0.0.0");
    }

    @Test
    void shouldRefuseARequestWithoutASignature() throws Exception {
        assertRefused(post(null, QUERY), "missing");
    }

    @Test
    void shouldRefuseAMalformedSignature() throws Exception {
        assertRefused(post("t=123, v1=xyz", QUERY), "malformed");
        assertRefused(post("v1=" + "a".repeat(64), QUERY), "malformed");
    }

    @Test
    void shouldRefuseASignatureMadeWithAnotherSecretOrOverAnotherBody() throws Exception {
        RequestSignatures other = new RequestSignatures("another-secret".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        long now = System.currentTimeMillis();

        assertRefused(post(other.sign(now, QUERY), QUERY), "wrong");
        assertRefused(post(signer.sign(now, "{}".getBytes(StandardCharsets.UTF_8)), QUERY), "wrong");
    }

    @Test
    void shouldRefuseASignatureOlderThanItsTimeToLive() throws Exception {
        long tooOld = System.currentTimeMillis() - RequestSignatures.TTL.toMillis() - 60_000;

        assertRefused(post(signer.sign(tooOld, QUERY), QUERY), "outside");
    }

    @Test
    void shouldRefuseAReplayedSignature() throws Exception {
        String signature = signer.sign(System.currentTimeMillis(), QUERY);
        assertThat(post(signature, QUERY).statusCode()).isEqualTo(200);

        assertRefused(post(signature, QUERY), "already used");
    }

    @Test
    void shouldLeaveHealthzOpen() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.adminPort() + "/healthz"))
                .timeout(REQUEST_TIMEOUT).GET().build();

        assertThat(http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldKeepTheAdminPortOnLoopbackWithoutApiSecret() throws Exception {
        Config config = Config.load(Map.of("KIUNGO_DATA_DIR", dataDir.toString(), "ILP_ADDRESS", "test.open",
                "KIUNGO_BIND_HOST", "0.0.0.0"));

        assertThat(Node.adminHost(config)).isEqualTo(Node.ADMIN_HOST);
    }
}
