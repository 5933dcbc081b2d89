package org.kiungo.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kiungo.codec.ilp.ErrorCode;
import org.kiungo.codec.ilp.IlpAddress;
import org.kiungo.codec.ilp.IlpCodec;
import org.kiungo.codec.ilp.Prepare;
import org.kiungo.codec.ilp.Reject;

class IlpOverHttpHandlerTest {
    private static final IlpAddress US = IlpAddress.of("test.us");
    private static final String TOKEN = "token-of-peer-a";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Prepare PREPARE = new Prepare(1_000, Instant.parse("2030-01-01T00:00:00Z"),
            new byte[Prepare.CONDITION_LENGTH], IlpAddress.of("test.elsewhere.bob"), new byte[] {1, 2, 3});

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private Server server;
    private URI endpoint;
    private PacketHandler packetHandler = (peerId, prepare) -> Reject.of(ErrorCode.F02_UNREACHABLE, US,
            "no route to " + prepare.destination());

    @BeforeEach
    void startServer() throws Exception {
        InMemoryIncomingTokens tokens = new InMemoryIncomingTokens();
        tokens.add("peer-a", TOKEN);
        server = new Server(0);
        server.setHandler(new IlpOverHttpHandler(US, tokens, (peerId, prepare) ->
                packetHandler.handle(peerId, prepare)));
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
    }

    @AfterEach
    void stopServer() throws Exception {
        server.stop();
        client.close();
    }

    @Test
    void shouldAnswerUnknownDestinationWithF02() throws Exception {
        HttpResponse<byte[]> response = post("/ilp", TOKEN, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/octet-stream");
        Reject reject = (Reject) IlpCodec.decodeReply(response.body());
        assertThat(reject.code()).isEqualTo(ErrorCode.F02_UNREACHABLE);
        assertThat(reject.triggeredBy()).isEqualTo(US.value());
        assertThat(reject.message()).contains("test.elsewhere.bob");
    }

    @Test
    void shouldAcceptTheRootPathAndTheIlpContentType() throws Exception {
        HttpRequest request = request("/", TOKEN, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)))
                .header("Content-Type", "application/ilp+octet-stream").build();

        HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(IlpCodec.decodeReply(response.body())).isInstanceOf(Reject.class);
    }

    @Test
    void shouldGiveThePacketHandlerTheAuthenticatedPeer() throws Exception {
        String[] seenPeer = new String[1];
        packetHandler = (peerId, prepare) -> {
            seenPeer[0] = peerId;
            return Reject.of(ErrorCode.F99_APPLICATION_ERROR, US, "seen");
        };

        post("/ilp", TOKEN, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)));

        assertThat(seenPeer[0]).isEqualTo("peer-a");
    }

    @Test
    void shouldRefuseAMissingTokenWith401() throws Exception {
        HttpResponse<byte[]> response = post("/ilp", null, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void shouldRefuseAnUnknownTokenWith401AndAPlainTextBody() throws Exception {
        HttpResponse<byte[]> response = post("/ilp", "not-a-token",
                BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(new String(response.body())).contains("token").doesNotContain("not-a-token");
    }

    @Test
    void shouldAnswerGarbageWithF01() throws Exception {
        HttpResponse<byte[]> response = post("/ilp", TOKEN, BodyPublishers.ofByteArray(new byte[] {12, 5, 1, 2}));

        assertThat(response.statusCode()).isEqualTo(200);
        Reject reject = (Reject) IlpCodec.decodeReply(response.body());
        assertThat(reject.code()).isEqualTo(ErrorCode.F01_INVALID_PACKET);
        assertThat(reject.triggeredBy()).isEqualTo(US.value());
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413() throws Exception {
        byte[] body = new byte[IlpOverHttpHandler.BODY_LENGTH_MAX + 1];

        HttpResponse<byte[]> response = post("/ilp", TOKEN, BodyPublishers.ofByteArray(body));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldRefuseAStreamedBodyOverTheLimitWith413() throws Exception {
        byte[] body = new byte[IlpOverHttpHandler.BODY_LENGTH_MAX + 1];

        HttpResponse<byte[]> response = post("/ilp", TOKEN,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void shouldRefuseAnotherContentTypeWith415() throws Exception {
        HttpRequest request = request("/ilp", TOKEN, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)))
                .header("Content-Type", "application/json").build();

        assertThat(client.send(request, BodyHandlers.ofByteArray()).statusCode()).isEqualTo(415);
    }

    @Test
    void shouldRefuseGetWith405() throws Exception {
        HttpRequest request = request("/ilp", TOKEN, BodyPublishers.noBody()).GET().build();

        HttpResponse<byte[]> response = client.send(request, BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void shouldAnswer404ForAnotherPath() throws Exception {
        HttpResponse<byte[]> response = post("/other", TOKEN, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)));

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswerAHandlerThatThrowsWithT00() throws Exception {
        packetHandler = (peerId, prepare) -> {
            throw new IllegalStateException("a bug");
        };

        HttpResponse<byte[]> response = post("/ilp", TOKEN, BodyPublishers.ofByteArray(IlpCodec.encode(PREPARE)));

        assertThat(response.statusCode()).isEqualTo(200);
        Reject reject = (Reject) IlpCodec.decodeReply(response.body());
        assertThat(reject.code()).isEqualTo(ErrorCode.T00_INTERNAL_ERROR);
        assertThat(reject.triggeredBy()).isEqualTo(US.value());
        assertThat(reject.message()).doesNotContain("a bug");
    }

    private HttpResponse<byte[]> post(String path, String token, BodyPublisher body) throws Exception {
        HttpRequest request = request(path, token, body).header("Content-Type", "application/octet-stream")
                .build();
        return client.send(request, BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String token, BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(TIMEOUT)
                .POST(body);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
